// The figures table at corpus scale: `node bench/data-table.ts [--no-build] [--copies N]`.
// Builds the site from ../shared/corpus (linked into a temporary folder read through REPORTS_DIR,
// so content/ is untouched and nothing is copied into the repo) into .cache/bench-dist, then
// measures /data/ in Chromium: page weight, loading the full table, filtering, sorting and
// scrolling. Skips cleanly when the corpus is absent.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { walk } from "./corpus.ts";

const root = join(import.meta.dirname, "..");
const corpus = [
  process.env.CORPUS_DIR,
  join(root, "../shared/corpus"),
  join(root, "../../shared/corpus"),
].find((d): d is string => Boolean(d && existsSync(d)));
if (!corpus) {
  console.log("corpus not found (../shared/corpus or CORPUS_DIR); nothing to measure");
  process.exit(0);
}
const outDir = join(root, ".cache/bench-dist");

/** Report sources under the corpus; encodings/ holds the original bytes of files already there. */
const sources = (dir: string) => walk(dir).filter((path) => !relative(dir, path).startsWith("encodings/"));

if (!process.argv.includes("--no-build") || !existsSync(outDir)) {
  const dir = mkdtempSync(join(tmpdir(), "report-digest-corpus-"));
  const files = sources(corpus);
  // One flat folder (the generator reads one level). The number keeps page addresses unique where
  // names share a pinyin spelling (泰州/台州); --copies N links the corpus N times (table size tests).
  const copies = Number(process.argv[process.argv.indexOf("--copies") + 1]) || 1;
  for (let copy = 0; copy < copies; copy++) {
    files.forEach((file, i) => {
      const name = `${copy}${String(i).padStart(3, "0")}-${relative(corpus, file).replaceAll("/", "--")}`;
      symlinkSync(file, join(dir, name));
    });
  }
  console.log(`building ${files.length * copies} corpus reports from ${dir}`);
  const started = performance.now();
  try {
    execFileSync(join(root, "node_modules/.bin/astro"), ["build", "--outDir", outDir], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, REPORTS_DIR: dir, ASTRO_TELEMETRY_DISABLED: "1" },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const size = (path: string) => {
  const bytes = readFileSync(join(outDir, path));
  return `${(bytes.length / 1024).toFixed(0)} KB (${(gzipSync(bytes).length / 1024).toFixed(0)} KB gzip)`;
};
const stats = JSON.parse(readFileSync(join(outDir, "data/stats.json"), "utf8")) as {
  rows: unknown[];
  reports: unknown[];
};
const tablePages = readdirSync(join(outDir, "data")).filter((n) => /^\d+$/.test(n)).length + 1;
console.log(
  `figures: ${stats.rows.length} from ${stats.reports.length} reports; ${tablePages} static table pages`,
);
console.log(`/data/ HTML: ${size("data/index.html")}`);
console.log(`/data/stats.json: ${size("data/stats.json")}; stats.csv: ${size("data/stats.csv")}`);

const server = await serveStatic(outDir);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const scripts: Promise<number>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r.body().then((b) => gzipSync(b).length));
  });
  const t0 = performance.now();
  await page.goto(`${server.url}/data/`, { waitUntil: "networkidle" });
  const loadMs = Math.round(performance.now() - t0);
  const js = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
  console.log(
    `load /data/: ${loadMs} ms; ${scripts.length} scripts, ${(js / 1024).toFixed(1)} KB gzip before interaction`,
  );

  const ready = () =>
    page.waitForFunction(() => document.querySelector("[data-table]")?.getAttribute("data-ready") !== null);
  const status = () => page.locator("[data-status]").textContent();
  const timed = async (what: string, action: () => Promise<unknown>) => {
    await page.evaluate(() => document.querySelector("[data-table]")?.removeAttribute("data-ready"));
    const start = performance.now();
    await action();
    await ready();
    const inPage = await page.getAttribute("[data-table]", "data-ready");
    console.log(
      `${what}: ${Math.round(performance.now() - start)} ms (filter+sort+render in page ${inPage} ms) — ${await status()}`,
    );
  };

  await timed("first use (fetch + parse + index stats.json, first render)", () =>
    page.click("th[data-col='value'] button"),
  );
  await timed("filter 生产总值", () => page.fill("input[name=q]", "生产总值"));
  await timed("sort by value", () => page.click("th[data-col='value'] button"));
  await timed("clear filter", () => page.fill("input[name=q]", ""));
  await timed("sort by region (all rows)", () => page.click("th[data-col='region'] button"));

  // Scroll the whole table in steps, one frame each, and record the longest frame.
  const frames = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>("[data-scroll]");
    if (!scroller) return [];
    const gaps: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 120; i++) {
      scroller.scrollTop = (scroller.scrollHeight * i) / 120;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  });
  frames.sort((a, b) => a - b);
  const median = frames[Math.floor(frames.length / 2)] ?? 0;
  console.log(
    `scroll through all rows, 120 jumps: median frame ${median.toFixed(1)} ms, worst ${(frames.at(-1) ?? 0).toFixed(1)} ms; rows in DOM ${await page.locator("[data-body] tr").count()}`,
  );
  const heap = await page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize,
  );
  if (heap) console.log(`JS heap after: ${(heap / 1048576).toFixed(0)} MB`);
  console.log(
    `region pages: ${readdirSync(join(outDir, "regions")).length - 1}; e.g. ${basename(readdirSync(join(outDir, "regions"))[0] ?? "")}`,
  );
  mkdirSync(join(root, ".cache/screenshots"), { recursive: true });
  await page.screenshot({ path: join(root, ".cache/screenshots/bench-data-1280.png") });
} finally {
  await browser.close();
  await server.close();
}
