// Search at scale: `npm run bench:search [-- CORPUS_DIR [REPORTS]]` (defaults ../shared/corpus, 1000).
// Parses the corpus, repeats it up to REPORTS reports, writes their search index into a copy of the
// built site (run `npm run build` first), and measures in Chromium what a reader's first query
// transfers and how long keystroke→results takes. Prints the figures.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { annotateSections } from "../src/ingest/annotate.ts";
import { parseReport } from "../src/ingest/index.ts";
import type { ReportDigest } from "../src/ingest/types.ts";
import { writeSearchIndex } from "../src/search/index-write.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { queryCases, searchOnPage } from "../tests/support/search-harness.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { walk } from "./corpus.ts";

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
  return { ...d, slug: `${d.slug}-${Math.floor(i / parsed.length)}` };
});

const site = mkdtempSync(join(tmpdir(), "search-bench-"));
cpSync("dist", site, { recursive: true });
const started = performance.now();
const written = await writeSearchIndex(
  digests.map((d) => ({ slug: d.slug, key: d.slug, digest: () => d })),
  site,
);
console.log(
  `${digests.length} reports (${parsed.length} distinct), ${written.sections} sections: index ${(written.bytes / 1048576).toFixed(1)} MB in ${written.shards} shards, built in ${Math.round(performance.now() - started)} ms`,
);

const server = await serveStatic(site);
const browser = await launchBrowser();
try {
  const firstBytes: number[] = [];
  for (const c of queryCases.slice(0, 12)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/search/`);
    await page.waitForLoadState("networkidle");
    const sizes: Array<Promise<number>> = [];
    page.on("response", (r) => {
      sizes.push(
        r.body().then(
          (b) => Math.min(b.length, gzipSync(b).length),
          () => 0,
        ),
      );
    });
    await searchOnPage(page, c.q);
    await page.waitForLoadState("networkidle");
    firstBytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
    await context.close();
  }
  const page = await browser.newPage();
  await page.goto(`${server.url}/search/`);
  await searchOnPage(page, "营商环境");
  const times: number[] = [];
  for (const c of queryCases) times.push((await searchOnPage(page, c.q)).ms);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `first query transferred (gzip, incl. search UI code): median ${kb(median(firstBytes))}, max ${kb(Math.max(...firstBytes))} over ${firstBytes.length} queries`,
  );
  console.log(
    `keystroke→results: median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} queries`,
  );
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
