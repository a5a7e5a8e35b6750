// Search at scale: `npm run bench:search [-- CORPUS_DIR [REPORTS]]` (defaults ../shared/corpus, 1000).
// Parses the corpus, repeats it up to REPORTS reports (copies under new slugs), writes their
// pagefind index into a copy of the built site (run `npm run build` first), and measures in
// Chromium: what each query transfers as a reader's first query (median over the queries), how
// long keystroke→results takes, and the top-5 precision of the query sets (a shown section must
// hold the query, checked against its digest). Prints the figures.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { annotateSections } from "../src/ingest/annotate.ts";
import { parseReport } from "../src/ingest/index.ts";
import type { ReportDigest } from "../src/ingest/types.ts";
import { writeSearchIndex } from "../src/search/pagefind-index.ts";
import { SEARCH_DIR } from "../src/shared/shards.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { holdsQuery, queryCases, searchOnPage } from "../tests/support/search-harness.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { walk } from "./corpus.ts";
import { firstQueryBytes, medianQuery, QUERIES } from "./lib/browser.ts";

const [corpus = "../shared/corpus", wanted = "1000"] = process.argv.slice(2).filter((a) => a !== "--");
if (!existsSync(corpus) || !existsSync("dist/index.html")) {
  console.log(`needs ${corpus} and a built site in dist/ (npm run build); skipped`);
  process.exit(0);
}
const parsed: ReportDigest[] = [];
for (const path of walk(corpus)) {
  try {
    const { digest } = parseReport({ path, bytes: readFileSync(path) });
    parsed.push({ ...digest, sections: annotateSections(digest.sections, digest.stats) });
  } catch {
    // Unreadable sources are the parser's benchmark's business, not this one's.
  }
}
const digests = Array.from({ length: Number(wanted) }, (_, i) => {
  const d = parsed[i % parsed.length] as ReportDigest;
  // Unique slugs: corpus files in different folders share names (2014.txt).
  return { ...d, slug: `${d.slug}-${i}` };
});
const bySlug = new Map(digests.map((d) => [d.slug, d]));

const site = mkdtempSync(join(tmpdir(), "search-bench-"));
const cache = mkdtempSync(join(tmpdir(), "search-bench-cache-"));
cpSync("dist", site, { recursive: true });
rmSync(join(site, SEARCH_DIR), { recursive: true, force: true });
const started = performance.now();
const written = await writeSearchIndex(
  digests.map((d) => ({ slug: d.slug, key: d.slug, digest: () => d })),
  site,
  cache,
);
console.log(
  `${digests.length} reports (${parsed.length} distinct), ${written.records} records: index ${(written.bytes / 1048576).toFixed(1)} MB in ${written.shards} shards, built in ${Math.round(performance.now() - started)} ms`,
);

const server = await serveStatic(site);
const browser = await launchBrowser();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
try {
  const first = await firstQueryBytes(browser, server.url, QUERIES);
  const totals = first.map((f) => f.total);
  console.log(
    `first query transferred (gzip, everything search fetched): median ${kb(median(totals))}, max ${kb(Math.max(...totals))} over ${first.length} queries`,
  );
  const kinds = Object.entries(medianQuery(first).kinds).sort((a, b) => b[1] - a[1]);
  console.log(`  the median query: ${kinds.map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(", ")}`);
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  await searchOnPage(page, "营商环境");
  const times: number[] = [];
  let shown = 0;
  let precise = 0;
  const noise: string[] = [];
  for (const q of [...queryCases.map((c) => c.q), ...QUERIES]) {
    const { hits, ms } = await searchOnPage(page, q);
    times.push(ms);
    for (const hit of hits.slice(0, 5)) {
      shown++;
      const d = bySlug.get(hit.report);
      if (d && holdsQuery(d, hit, q)) precise++;
      else noise.push(`  noise "${q}": ${hit.report}#${hit.section}`);
    }
  }
  console.log(
    `keystroke→results: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} queries`,
  );
  console.log(
    `top-5 precision: ${((precise / shown) * 100).toFixed(1)}% (${precise}/${shown}) over ${times.length} queries`,
  );
  for (const line of noise) console.log(line);
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
}
