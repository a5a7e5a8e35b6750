// The scale-and-speed benchmark (`npm run bench`): builds the site from N reports, side by side with
// stock Starlight over the same reports, and prints one table (saved as JSON in bench/results/).
//
//   npm run bench                          N = 250 and 1,000, Starlight, search at the largest N
//   npm run bench -- --n 20 --no-starlight a quick run while developing
//   npm run bench -- --lighthouse          adds Lighthouse (mobile) on the home and a report page
//   --corpus DIR (default ../shared/corpus), --keep (leave the temp projects for inspection)
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { SEARCH_DIR } from "../src/shared/shards.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { measureSearch, type PageWeight, pageWeight, type SearchFigures } from "./lib/browser.ts";
import { type LighthouseResult, lighthouse } from "./lib/lighthouse.ts";
import { dirBytes, type RunResult, run } from "./lib/measure.ts";
import { makeProject } from "./lib/project.ts";
import { type BenchReport, originalReports, pickReports, writeReports } from "./lib/reports.ts";
import { ensureStarlight, makeStarlightProject } from "./lib/starlight.ts";
import { printTable } from "./lib/table.ts";

const repoRoot = join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    n: { type: "string", default: "250,1000" },
    corpus: { type: "string", default: join(repoRoot, "../shared/corpus") },
    starlight: { type: "boolean", default: true },
    "no-starlight": { type: "boolean", default: false },
    search: { type: "boolean", default: true },
    "no-search": { type: "boolean", default: false },
    lighthouse: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const sizes = values.n.split(",").map(Number);
const withStarlight = values.starlight && !values["no-starlight"];
const withSearch = values.search && !values["no-search"];

export interface OursFigures {
  n: number;
  sourceBytes: number;
  parseMs: number;
  parseMBps: number;
  emitMs: number;
  astroMs: number;
  /** Astro's own phase timings from its log: content sync + build info, Vite bundling, page rendering. */
  astroPhases: AstroPhases;
  indexMs: number;
  totalMs: number;
  cpuMs: number;
  peakRssBytes: number;
  /** When the cold build's memory peaked and which processes held it. */
  peak: RunResult["peak"];
  distBytes: number;
  indexBytes: number;
  reportPage: PageWeight;
  homePage: PageWeight;
  rebuildMs: number;
  rebuildRatio: number;
}

export interface StarlightFigures {
  n: number;
  totalMs: number;
  cpuMs: number;
  peakRssBytes: number;
  distBytes: number;
}

export interface BenchResults {
  date: string;
  machine: string;
  ours: OursFigures[];
  starlight: StarlightFigures[];
  search?: SearchFigures & { n: number };
  lighthouse?: Record<string, LighthouseResult>;
}

const bin = join(repoRoot, "node_modules/.bin");
const env = { PATH: `${bin}:${process.env.PATH}` };

/** Our site builds with `npm run build`, as a user does (its memory settings live in package.json). */
const ourBuild = (cwd: string) => checked(cwd, run("npm", ["run", "--silent", "build"], { cwd, env }));
/** Stock Starlight builds with plain `astro build`. */
const starlightBuild = (cwd: string, astro: string) => checked(cwd, run(astro, ["build"], { cwd, env }));

async function checked(cwd: string, build: Promise<RunResult>): Promise<RunResult> {
  const r = await build;
  if (r.code !== 0) throw new Error(`build failed in ${cwd}:\n${r.output.slice(-4000)}`);
  return r;
}

const logged = (output: string, pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? Number.NaN);

export interface AstroPhases {
  infoMs: number;
  bundleMs: number;
  renderMs: number;
}

const seconds = (text: string | undefined) =>
  text === undefined
    ? Number.NaN
    : text.endsWith("ms")
      ? Number.parseFloat(text)
      : Number.parseFloat(text) * 1000;

/** "[build] ✓ Completed in 7.51s." after build info and after bundling + rendering; the bare one after rendering. */
function astroPhases(output: string): AstroPhases {
  const build = [...output.matchAll(/\[build\] ✓ Completed in ([\d.]+m?s)/gu)].map((m) => seconds(m[1]));
  const render = seconds(/^\S+ ✓ Completed in ([\d.]+m?s)/mu.exec(output)?.[1]);
  const [infoMs = Number.NaN, bundleAndRender = Number.NaN] = build;
  return { infoMs, bundleMs: bundleAndRender - render, renderMs: render };
}

/** Appends a sentence to one paragraph of one report: the edit a rebuild has to pick up. */
function editOneReport(file: string): void {
  appendFileSync(file, "\n会议强调，要持续优化营商环境，切实为企业纾困解难。\n");
}

async function withServer<T>(dir: string, body: (url: string) => Promise<T>): Promise<T> {
  const server = await serveStatic(dir);
  try {
    return await body(server.url);
  } finally {
    await server.close();
  }
}

async function benchOurs(work: string, reports: BenchReport[], sample: string): Promise<OursFigures> {
  const dir = join(work, `ours-${reports.length}`);
  mkdirSync(dir);
  const files = writeReports(makeProject(repoRoot, dir), reports);
  const sourceBytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  console.error(`ours: building ${reports.length} reports …`);
  const cold = await ourBuild(dir);
  const parseMs = logged(cold.output, /parse (\d+) ms/u);
  const emitMs = logged(cold.output, /emit (\d+) ms/u);
  // The search index step: written beside the page build (own process), after it in older builds,
  // or pagefind in older builds still. Only a step after the page build adds to the wall time.
  const besideMs = /ready \d+ ms after it started/u.test(cold.output)
    ? logged(cold.output, /ready (\d+) ms after it started/u)
    : undefined;
  const indexMs =
    besideMs ?? logged(cold.output, /(?:search index: .*|pagefind indexed \d+ pages) in (\d+) ms/u);
  const dist = join(dir, "dist");
  const [reportPage, homePage] = await withServer(dist, async (url) => [
    await pageWeight(url, `/reports/${sample}/`),
    await pageWeight(url, "/"),
  ]);
  editOneReport(files[0] as string);
  console.error(`ours: rebuilding after one changed report …`);
  const warm = await ourBuild(dir);
  return {
    n: reports.length,
    sourceBytes,
    parseMs,
    parseMBps: sourceBytes / 1e6 / (parseMs / 1000),
    emitMs,
    astroMs: cold.wallMs - parseMs - emitMs - (besideMs === undefined ? indexMs : 0),
    astroPhases: astroPhases(cold.output),
    indexMs,
    totalMs: cold.wallMs,
    cpuMs: cold.cpuMs,
    peakRssBytes: cold.peakRssBytes,
    peak: cold.peak,
    distBytes: dirBytes(dist),
    indexBytes: [SEARCH_DIR]
      .map((name) => join(dist, name))
      .filter((path) => existsSync(path))
      .reduce((sum, path) => sum + dirBytes(path), 0),
    reportPage,
    homePage,
    rebuildMs: warm.wallMs,
    rebuildRatio: warm.wallMs / cold.wallMs,
  };
}

async function benchStarlight(reports: BenchReport[]): Promise<StarlightFigures> {
  const dir = join(starlightDir, `site-${reports.length}`);
  rmSync(dir, { recursive: true, force: true });
  const sources = join(work, `starlight-sources-${reports.length}`);
  mkdirSync(sources);
  makeStarlightProject(dir, writeReports(sources, reports));
  console.error(`starlight: building ${reports.length} reports …`);
  try {
    const r = await starlightBuild(dir, join(starlightDir, "node_modules/.bin/astro"));
    return {
      n: reports.length,
      totalMs: r.wallMs,
      cpuMs: r.cpuMs,
      peakRssBytes: r.peakRssBytes,
      distBytes: dirBytes(join(dir, "dist")),
    };
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

const work = mkdtempSync(join(tmpdir(), "report-digest-bench-"));
const corpusPresent =
  originalReports(repoRoot, values.corpus).length > originalReports(repoRoot, undefined).length;
const originals = originalReports(repoRoot, corpusPresent ? values.corpus : undefined);
const sample = (originals[0]?.name ?? "").replace(/\.[^.]+$/u, "");
const starlightDir = join(repoRoot, ".cache/bench-starlight");
if (withStarlight) ensureStarlight(starlightDir);
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: `${(await import("node:os")).cpus().length} cores, Node ${process.version}`,
  ours: [],
  starlight: [],
};
try {
  for (const n of sizes) {
    const reports = pickReports(originals, n, corpusPresent);
    const ours = await benchOurs(work, reports, sample);
    results.ours.push(ours);
    console.error(
      `  ours ${n}: ${(ours.totalMs / 1000).toFixed(1)} s wall, ${(ours.cpuMs / 1000).toFixed(1)} s CPU; ` +
        `memory peak at ${ours.peak.atSeconds.toFixed(0)} s: ` +
        ours.peak.processes.map((p) => `${p.command} ${(p.rssBytes / 1e6).toFixed(0)} MB`).join(", "),
    );
    if (withStarlight) {
      const base = await benchStarlight(reports);
      results.starlight.push(base);
      console.error(
        `  starlight ${n}: ${(base.totalMs / 1000).toFixed(1)} s wall, ${(base.cpuMs / 1000).toFixed(1)} s CPU`,
      );
    }
  }
  const largest = Math.max(...sizes);
  const dist = join(work, `ours-${largest}`, "dist");
  if (withSearch) {
    console.error(`search: ${largest} reports, headless Chromium …`);
    results.search = { n: largest, ...(await withServer(dist, measureSearch)) };
  }
  if (values.lighthouse) {
    console.error("lighthouse: home and a report page …");
    results.lighthouse = await withServer(dist, async (url) => ({
      home: await lighthouse(repoRoot, `${url}/`),
      report: await lighthouse(repoRoot, `${url}/reports/${sample}/`),
    }));
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.error(`projects kept in ${work}`);
}

printTable(results, corpusPresent);
const out = join(repoRoot, "bench/results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nsaved bench/results/latest.json`);
