// The benchmark's printed table: one column per N, each figure beside its target.
import type { BenchResults } from "../bench.ts";

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const check = (ok: boolean) => (ok ? "ok" : "MISSED");

function rows(table: string[][]): string {
  const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? "").length))) ?? [];
  return table.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ")).join("\n");
}

/** Issue 17's memory target at 5,000 reports, the earlier one below. */
const peakTarget = (n: number) => (n >= 5000 ? 3e9 : 2.5e9);

export function printTable(r: BenchResults, corpus: boolean): void {
  const starlight = (n: number) => r.starlight.find((x) => x.n === n);
  const head = ["", ...r.ours.map((o) => `N = ${o.n}`), "target"];
  const line = (label: string, cell: (o: BenchResults["ours"][number]) => string, target = "") => [
    label,
    ...r.ours.map(cell),
    target,
  ];
  const table = [
    head,
    line("source text", (o) => mb(o.sourceBytes)),
    line("parse (+annotate)", (o) => `${s(o.parseMs)}  ${o.parseMBps.toFixed(2)} MB/s`),
    line("emit (MDX and its HTML)", (o) => s(o.emitMs)),
    line("Astro build", (o) => s(o.astroMs)),
    line("  info / bundle / render", (o) =>
      [o.astroPhases.infoMs, o.astroPhases.bundleMs, o.astroPhases.renderMs].map(s).join(" / "),
    ),
    line("search index (beside pages)", (o) => s(o.indexMs)),
    line("total wall", (o) => s(o.totalMs), "1,000: ≤ 60 s (earlier goal)"),
    line("CPU (process tree)", (o) => s(o.cpuMs)),
    line(
      "peak RSS (tree)",
      (o) => `${mb(o.peakRssBytes)}${o.n >= 1000 ? `  ${check(o.peakRssBytes <= peakTarget(o.n))}` : ""}`,
      "1,000: ≤ 2.5 GB; 5,000: ≤ 3 GB",
    ),
    line("dist/", (o) => mb(o.distBytes)),
    line("search index size", (o) => mb(o.indexBytes)),
    line("report page HTML gz", (o) => kb(o.reportPage.htmlGzip)),
    line("report page CSS gz", (o) => kb(o.reportPage.cssGzip)),
    line("report page JS gz", (o) => kb(o.reportPage.jsGzip), "≤ 15 KB, before search opens"),
    line("report page web fonts", (o) => String(o.reportPage.fontRequests), "0"),
    line("home page HTML gz", (o) => kb(o.homePage.htmlGzip)),
    line(
      "rebuild, 1 report changed",
      (o) => `${s(o.rebuildMs)}  ${(o.rebuildRatio * 100).toFixed(0)}% of cold`,
      "≤ 40%",
    ),
  ];
  if (r.starlight.length) {
    table.push(
      line("Starlight total wall", (o) => (starlight(o.n) ? s(starlight(o.n)?.totalMs ?? 0) : "-")),
      line("Starlight CPU", (o) => (starlight(o.n) ? s(starlight(o.n)?.cpuMs ?? 0) : "-")),
      line("Starlight peak RSS", (o) => (starlight(o.n) ? mb(starlight(o.n)?.peakRssBytes ?? 0) : "-")),
      line("Starlight dist/", (o) => (starlight(o.n) ? mb(starlight(o.n)?.distBytes ?? 0) : "-")),
      line(
        "ours / Starlight time",
        (o) => {
          const base = starlight(o.n);
          return base
            ? `${(o.totalMs / base.totalMs).toFixed(2)}  ${check(o.totalMs <= 0.5 * base.totalMs)}`
            : "-";
        },
        "≤ 0.5 (aim 0.35)",
      ),
      line("ours / Starlight CPU", (o) => {
        const base = starlight(o.n);
        return base ? (o.cpuMs / base.cpuMs).toFixed(2) : "-";
      }),
    );
  }
  const [first, last] = [r.ours[0], r.ours[r.ours.length - 1]];
  console.log(`\nreport-digest build benchmark — ${r.date}, ${r.machine}`);
  console.log(
    `reports: bundled + ${corpus ? "corpus, topped up with copies" : "recombined bundled reports"}\n`,
  );
  console.log(rows(table));
  if (first && last && first !== last) {
    const ratio = last.totalMs / first.totalMs;
    const cpuRatio = last.cpuMs / first.cpuMs;
    // Issue 17: at most 1.1 × linear (5.5 for 1,000 → 5,000).
    const target = 1.1 * (last.n / first.n);
    console.log(
      `\ntime(${last.n}) / time(${first.n}) = ${ratio.toFixed(2)}, CPU ${cpuRatio.toFixed(2)} (linear: ${(last.n / first.n).toFixed(1)}; target ≤ ${target.toFixed(1)}) ${check(ratio <= target)}`,
    );
  }
  if (r.search) {
    const q = r.search;
    console.log(
      `\nsearch at N = ${q.n}: first query, median of ${q.timesMs.length} queries ${kb(q.firstQueryMedianGzip)} gz, max ${kb(q.firstQueryMaxGzip)} (target: median ≤ 250 KB at 5,000 reports) ${check(q.firstQueryMedianGzip <= 250 * 1024)}` +
        `\n  the median query's bytes: ${Object.entries(q.firstQueryMedianKinds ?? {})
          .sort((a, b) => b[1] - a[1])
          .map(([kind, bytes]) => `${kind} ${kb(bytes)}`)
          .join(", ")}` +
        `\n  on /search/, "营商环境": ${kb(q.firstQueryGzipBytes)} gz (${kb(q.firstQueryBytes)} uncompressed, ${q.firstQueryRequests} requests)` +
        `\n  keystroke → results, median of ${q.timesMs.length}: ${q.medianMs.toFixed(0)} ms (target ≤ 200 ms) ${check(q.medianMs <= 200)}` +
        `; all: ${q.timesMs.map((t) => t.toFixed(0)).join(" ")}`,
    );
  }
  if (r.lighthouse) {
    console.log("\nLighthouse (mobile): performance / accessibility / best practices / SEO");
    for (const [page, { scores, failing }] of Object.entries(r.lighthouse)) {
      console.log(`  ${page.padEnd(7)} ${Object.values(scores).join(" / ")}`);
      for (const audit of failing) console.log(`    - ${audit}`);
    }
  }
}
