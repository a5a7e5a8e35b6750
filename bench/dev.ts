// Dev-server start-up (`npm run bench:dev`): how long `npm run dev` on N reports (default 1,000)
// takes to serve a report page, cold (no caches: a first `npm run dev` after cloning) and warm
// (caches from the run before). Issue #19's bar: warm ≤ 5 s; cold serves the first page before
// every report is parsed. Prints medians of --runs starts (default 3) each.
//
//   npm run bench:dev                      1,000 reports, 3 cold and 3 warm starts
//   npm run bench:dev -- --n 300 --runs 1  a quick look
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { makeProject } from "./lib/project.ts";
import { originalReports, pickReports, writeReports } from "./lib/reports.ts";

const repoRoot = join(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    n: { type: "string", default: "1000" },
    runs: { type: "string", default: "3" },
    corpus: { type: "string", default: join(repoRoot, "../shared/corpus") },
    keep: { type: "boolean", default: false },
  },
});
const n = Number(values.n);
const runs = Number(values.runs);
const PORT = 4391;
const GIVE_UP_MS = 300_000;
const env = { ...process.env, PATH: `${join(repoRoot, "node_modules/.bin")}:${process.env.PATH}` };

interface Start {
  /** From spawning `npm run dev` to the first 200 for the page asked for. */
  pageMs: number;
  /** How many reports had been generated when that page was served (from the dev server's log). */
  readyBefore: number | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // npm runs astro in its own process group (detached below): end the whole group.
  process.kill(-(child.pid as number), "SIGTERM");
  await Promise.race([exited, sleep(5000)]);
  if (child.exitCode === null) process.kill(-(child.pid as number), "SIGKILL");
}

/** Starts the dev server in `dir` and times the first successful answer for `path`. */
async function timeStart(dir: string, path: string): Promise<Start> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", "dev", "--", "--port", String(PORT)], {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  try {
    while (performance.now() - started < GIVE_UP_MS) {
      if (child.exitCode !== null) throw new Error(`dev server exited:\n${log}`);
      const answer = await fetch(`http://127.0.0.1:${PORT}${path}`).catch(() => undefined);
      if (answer?.status === 200) {
        const pageMs = performance.now() - started;
        const counts = [...log.matchAll(/(\d+) reports ready \(/gu)].map((m) => Number(m[1]));
        // A cold start goes on generating in the background: let it finish, so the next start is warm.
        while (
          !new RegExp(`${n} reports ready \\(`, "u").test(log) &&
          performance.now() - started < GIVE_UP_MS
        )
          await sleep(200);
        return { pageMs, readyBefore: counts.at(-1) };
      }
      await sleep(50);
    }
    throw new Error(`no page after ${GIVE_UP_MS} ms:\n${log}`);
  } finally {
    await stop(child);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const work = mkdtempSync(join(tmpdir(), "bench-dev-"));
try {
  const cold: Start[] = [];
  const warm: Start[] = [];
  const reports = pickReports(originalReports(repoRoot, values.corpus), n, true);
  // The last report in reading order is not the first one parsed by accident.
  const page = `/reports/${(reports.at(-1)?.name ?? "").replace(/\.[^.]+$/u, "")}/`;
  for (let i = 0; i < runs; i++) {
    const dir = join(work, `site-${i}`);
    writeReports(makeProject(repoRoot, dir), reports);
    cold.push(await timeStart(dir, page));
    warm.push(await timeStart(dir, page));
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`npm run dev on ${n} reports, ${runs} start(s) each, page ${page}`);
  for (const [label, starts] of [
    ["cold", cold],
    ["warm", warm],
  ] as const) {
    const ready = starts.map((s) => s.readyBefore ?? Number.NaN);
    console.log(
      `${label}: first page in ${seconds(median(starts.map((s) => s.pageMs)))} (median; ${starts
        .map((s) => seconds(s.pageMs))
        .join(", ")}); reports generated before it: ${ready.join(", ")}`,
    );
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
