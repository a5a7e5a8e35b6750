// Writes the search index of the generated digests into the built site (/search-index/). With a
// cache directory it is incremental: the postings and the reports of the last build are kept there
// (postings.bin, index.json, and each report's documents under docs/), and a
// rebuild indexes only the reports whose digest changed, merges their postings with the kept ones,
// and links the kept documents into the site instead of writing them again.
import { existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { codeHash, keyOf } from "../build/cache.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { reportTitle } from "../site/summary.ts";
import {
  type DocFacets,
  docFacets,
  IndexBuilder,
  manifestOf,
  mergePostings,
  type Postings,
  shardTexts,
} from "./index-build.ts";
import { sectionDocs } from "./records.ts";

export interface WrittenIndex {
  sections: number;
  shards: number;
  bytes: number;
  reports: number;
  /** Of the reports, how many were indexed afresh (the others came from the last build). */
  indexed: number;
}

/** A report to index: its slug, a key that changes whenever its digest does, and the digest. */
export interface IndexedReport {
  slug: string;
  key: string;
  digest: () => ReportDigest;
}

/** What the cache keeps of a report: its key, and its documents' facets and bytes. */
interface KeptReport {
  slug: string;
  key: string;
  docs: DocFacets[];
  bytes: number;
}

interface KeptIndex {
  version: string;
  reports: KeptReport[];
  keys: string[];
}

// The code that makes documents and postings: a change to it indexes everything afresh.
const INDEX_CODE = [import.meta.dirname, join(import.meta.dirname, "../site/summary.ts")];

/** Files written at once: the index is ~13,000 small files at 1,000 reports, and the disk is faster with several in flight. */
const WRITES_IN_FLIGHT = 32;

/** The cache folder of a report's documents (keys can be any text; documents carry the slug). */
const docsName = (report: { slug: string; key: string }) => keyOf(report.slug, report.key);

/** Runs file tasks several at a time. */
function writer() {
  const writing = new Set<Promise<void>>();
  const run = async (task: () => Promise<void>) => {
    const done = task().finally(() => writing.delete(done));
    writing.add(done);
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
  };
  return {
    write: (path: string, text: string) => run(() => writeFile(path, text)),
    /** Writes `text` to a kept file, then links it (a copy where links are not possible) to `to`. */
    keep: (path: string, text: string | undefined, to: string) =>
      run(async () => {
        if (text !== undefined) await writeFile(path, text);
        await link(path, to).catch(() => copyFile(path, to));
      }),
    done: () => Promise.all(writing),
  };
}

/** The last build's index from the cache, if it was made by this code. */
function readKept(cacheDir: string, version: string): { kept: KeptIndex; postings: Postings } | undefined {
  try {
    const kept = JSON.parse(readFileSync(join(cacheDir, "index.json"), "utf8")) as KeptIndex;
    if (kept.version !== version) return undefined;
    const raw = readFileSync(join(cacheDir, "postings.bin"));
    const ints = new Int32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    const keyCount = kept.keys.length;
    const offsets = ints.slice(0, keyCount + 1);
    const values = ints.slice(keyCount + 1);
    if (values.length !== (offsets[keyCount] ?? -1)) return undefined;
    return { kept, postings: { keys: kept.keys, offsets, values } };
  } catch {
    return undefined; // First build, or a cache from an interrupted build: index everything.
  }
}

async function saveKept(cacheDir: string, kept: KeptIndex, postings: Postings): Promise<void> {
  const ints = new Int32Array(postings.offsets.length + postings.values.length);
  ints.set(postings.offsets);
  ints.set(postings.values, postings.offsets.length);
  // The binary first and the JSON last, each replaced whole: a reader never pairs mismatched halves
  // (readKept also checks their lengths agree).
  await rm(join(cacheDir, "index.json"), { force: true });
  await writeFile(join(cacheDir, "postings.tmp"), ints);
  await rename(join(cacheDir, "postings.tmp"), join(cacheDir, "postings.bin"));
  await writeFile(join(cacheDir, "index.tmp"), JSON.stringify(kept));
  await rename(join(cacheDir, "index.tmp"), join(cacheDir, "index.json"));
}

export async function writeSearchIndex(
  reports: Iterable<IndexedReport>,
  siteDir: string,
  cacheDir?: string,
): Promise<WrittenIndex> {
  const version = codeHash(...INDEX_CODE);
  const earlier = cacheDir ? readKept(cacheDir, version) : undefined;
  const earlierBySlug = new Map<string, { report: KeptReport; first: number }>();
  let earlierSections = 0;
  for (const report of earlier?.kept.reports ?? []) {
    earlierBySlug.set(report.slug, { report, first: earlierSections });
    earlierSections += report.docs.length;
  }
  const renumber = new Int32Array(earlierSections).fill(-1);

  const base = join(siteDir, "search-index");
  await rm(base, { recursive: true, force: true });
  // Documents go here until the build's name is known.
  const pending = join(base, "pending");
  await mkdir(pending, { recursive: true });
  const out = writer();
  const builder = new IndexBuilder();
  const kept: KeptReport[] = [];
  let id = 0;
  let indexed = 0;
  for (const report of reports) {
    const docsDir = cacheDir ? join(cacheDir, "docs", docsName(report)) : undefined;
    const before = earlierBySlug.get(report.slug);
    // Reused only if every kept document is still there (a cache is anyone's to delete from).
    const reusable =
      docsDir !== undefined &&
      before?.report.key === report.key &&
      before.report.docs.every((_, n) => existsSync(join(docsDir, `${n}.json`)));
    if (reusable && before) {
      for (let n = 0; n < before.report.docs.length; n++) {
        renumber[before.first + n] = id;
        await out.keep(join(docsDir, `${n}.json`), undefined, join(pending, `d${id++}.json`));
      }
      kept.push(before.report);
      continue;
    }
    indexed++;
    const digest = report.digest();
    const docs = sectionDocs(digest, { href: `/reports/${report.slug}/`, title: reportTitle(digest) });
    if (docsDir) await mkdir(docsDir, { recursive: true });
    let bytes = 0;
    for (const [n, doc] of docs.entries()) {
      builder.add(doc, id);
      const json = JSON.stringify(doc);
      bytes += Buffer.byteLength(json);
      const file = join(pending, `d${id++}.json`);
      await (docsDir ? out.keep(join(docsDir, `${n}.json`), json, file) : out.write(file, json));
    }
    kept.push({ slug: report.slug, key: report.key, docs: docs.map(docFacets), bytes });
  }
  const fresh = builder.postings();
  const postings = earlier ? mergePostings(earlier.postings, renumber, fresh) : fresh;
  const shards = shardTexts(postings);
  // Named by what it holds: the code, and every report's digest key in order.
  const build = keyOf(version, JSON.stringify(kept.map((r) => [r.slug, r.key]))).slice(0, 12);
  const manifest = manifestOf(
    build,
    shards.length,
    kept.map((r) => r.docs),
  );
  await out.done();
  const dir = join(base, build);
  await rename(pending, dir);
  for (const [i, shard] of shards.entries()) await out.write(join(dir, `s${i}.json`), shard);
  await out.done();
  // The manifest last: a reader that finds it finds every file it names.
  const manifestText = JSON.stringify(manifest);
  await writeFile(join(base, "manifest.json"), manifestText);
  if (cacheDir) {
    await mkdir(join(cacheDir, "docs"), { recursive: true });
    await saveKept(cacheDir, { version, reports: kept, keys: postings.keys }, postings);
    // Documents of reports no longer in the index are never linked again.
    const live = new Set(kept.map(docsName));
    for (const name of await readdir(join(cacheDir, "docs")))
      if (!live.has(name)) await rm(join(cacheDir, "docs", name), { recursive: true, force: true });
  }
  let bytes = Buffer.byteLength(manifestText);
  for (const shard of shards) bytes += Buffer.byteLength(shard);
  for (const report of kept) bytes += report.bytes;
  return { sections: manifest.sections.length, shards: shards.length, bytes, reports: kept.length, indexed };
}
