// `node src/search/write-index-cli.ts ROOT SITE_DIR REPORTS_JSON`: writes SITE_DIR/pagefind/ from
// the generated digests of the reports REPORTS_JSON lists as {reports: [{slug, key}], shards?}
// (written by the build as soon as the digests are; `shards` is the site's shard count when the
// reports are one build shard's), reusing the shards ROOT/.cache/search kept of the last build, and
// prints a one-line JSON summary. The build runs it as a separate process while Astro builds the
// pages, so the two use both cores instead of one after the other.
import { readFileSync } from "node:fs";
import { listedDigests } from "../build/digest-store.ts";
import { layout } from "../build/layout.ts";
import { writeSearchIndex } from "./pagefind-index.ts";

export interface IndexRequest {
  reports: { slug: string; key: string }[];
  shards?: number;
  /** Where the kept shards live, when not the build's .cache/search (the dev server keeps its own). */
  cacheDir?: string;
}

const [root, siteDir, listFile] = process.argv.slice(2);
if (!root || !siteDir || !listFile) {
  process.stderr.write("usage: node src/search/write-index-cli.ts ROOT SITE_DIR REPORTS_JSON\n");
  process.exit(2);
}
// The build holds the other end of stdin: when it is gone (killed), stop rather than write into
// the caches under the next build.
process.stdin.on("close", () => process.exit(130));
process.stdin.resume();
const request = JSON.parse(readFileSync(listFile, "utf8")) as IndexRequest;
const reports = listedDigests(root, request.reports);
const cacheDir = request.cacheDir ?? layout(root).searchCache;
const written = await writeSearchIndex(reports, siteDir, cacheDir, undefined, request.shards);
process.stdout.write(`${JSON.stringify(written)}\n`);
process.exit(0);
