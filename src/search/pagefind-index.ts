// Writes the site's search index with pagefind (its Node API): one record per report section
// (src/search/records.ts). The reports are split into shards by slug, each its own pagefind bundle
// under /pagefind/<key>/, named by the key of what it holds and kept in the cache, so a rebuild
// runs pagefind only for the shards whose reports changed; the browser joins the shards with
// pagefind's mergeIndex. Shards also bound pagefind's memory (~160 KB a record while it writes,
// pagefind #842): one shard is in memory at a time.
import { existsSync } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import { keyOf, moduleGraphHash } from "../build/cache.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { SEARCH_DIR, SHARDS_FILE, type ShardList } from "../shared/shards.ts";
import { reportTitle } from "../site/summary.ts";
import { type SearchRecord, searchRecords } from "./records.ts";

/** A report to index: its slug, a key that changes whenever its digest does, and the digest. */
export interface IndexedReport {
  slug: string;
  key: string;
  digest: () => ReportDigest;
}

/** Beside SITE/pagefind/ (never deployed or served): what it was written as, so an unchanged index is left as it is. */
const WRITTEN_FILE = "pagefind-written.json";

export interface WrittenIndex {
  reports: number;
  records: number;
  shards: number;
  /** Of the shards, how many pagefind wrote afresh (the others came from the last build). */
  written: number;
  /** Bytes of the index files (gzip-compressed, as pagefind writes them). */
  bytes: number;
  /** Each shard's key (its folder under /pagefind/) and its place among the site's shards. */
  keys: { key: string; bundle: number }[];
}

/**
 * Reports per shard. Each shard costs every query its own index chunks, so shards are few; each
 * is small enough to write in a few seconds, which is what a rebuild after one edit pays.
 */
const REPORTS_PER_SHARD = 150;

export const shardCount = (reports: number, perShard = REPORTS_PER_SHARD): number =>
  Math.max(1, Math.ceil(reports / perShard));

/** The shard of a report: a stable hash of its slug, so adding a report moves no other. */
export function shardOf(slug: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** The options the project sets, and why (README, Search). */
const INDEX_OPTIONS = {
  // Figures stay whole words (785.6, not 7856); "%" is left out: as a word it would be in every
  // percentage and its postings in every figure query.
  includeCharacters: ".",
} as const;

/** Files of pagefind's bundle the site does not use (its own UIs, its worker, the playground). */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui|highlight|worker)\.|^playground$/u;

const DONE = ".complete";

async function linkTree(from: string, to: string): Promise<number> {
  await mkdir(to, { recursive: true });
  let bytes = 0;
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.name === DONE) continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) bytes += await linkTree(source, target);
    else {
      await link(source, target).catch(() => copyFile(source, target));
      bytes += (await stat(source)).size;
    }
  }
  return bytes;
}

/**
 * Positions per index chunk (pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, 20,000 by default).
 * A query fetches one chunk per word (more for a word with more positions), and the shard's meta,
 * which every query fetches, lists every chunk: the sum is least near sqrt(3 × positions) (about
 * 15 bytes a chunk in the meta, ~1.3 bytes a position, a query of four words).
 */
const chunkSize = (positions: number) => Math.max(500, Math.round(Math.sqrt(3 * positions)));

/** A report's records: built as they are sent, so the writer never holds a shard's records (~100 MB). */
const reportRecords = (report: IndexedReport): SearchRecord[] => {
  const digest = report.digest();
  return searchRecords(digest, { href: `/reports/${report.slug}/`, title: reportTitle(digest) });
};

/** The words pagefind will index for these reports, which its chunk size is chosen by. */
function positionsOf(reports: IndexedReport[]): number {
  let positions = 0;
  for (const report of reports)
    for (const record of reportRecords(report)) positions += record.content.split(" ").length;
  return positions;
}

/**
 * Records sent to pagefind before waiting for its answers. Sending a shard's records at once
 * queued them all in the pipe to its process (base64 JSON, ~25 MB a shard, plus their strings).
 */
const RECORDS_IN_FLIGHT = 64;

/**
 * Writes one shard's bundle into `dir` with pagefind; `meanwhile` runs once pagefind has every
 * record and is writing (its own process), so the next shard's chunk size is known when it is done.
 */
async function writeShard(
  reports: IndexedReport[],
  positions: number,
  dir: string,
  meanwhile: () => void,
): Promise<number> {
  // Read by pagefind's process when it starts: one process per shard.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize(positions));
  let records = 0;
  try {
    const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
    if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
    // Two batches at a time: pagefind reads one while the next is built.
    let sent: Promise<void>[] = [];
    let previous: Promise<unknown> = Promise.resolve();
    for (const report of reports) {
      for (const record of reportRecords(report)) {
        records++;
        sent.push(
          index.addCustomRecord(record).then((r) => {
            if (r.errors.length) throw new Error(`pagefind: ${record.url}: ${r.errors.join("; ")}`);
          }),
        );
      }
      if (sent.length >= RECORDS_IN_FLIGHT) {
        await previous;
        previous = Promise.all(sent);
        sent = [];
      }
    }
    await Promise.all([previous, ...sent]);
    const writing = index.writeFiles({ outputPath: dir });
    meanwhile();
    const written = await writing;
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
  for (const name of await readdir(dir))
    if (UNUSED.test(name)) await rm(join(dir, name), { recursive: true, force: true });
  return records;
}

/**
 * Writes SITE/pagefind/: pagefind.js, one bundle per shard and shards.json naming them. With a
 * cache directory, a shard whose reports are unchanged is linked from the last build's bundle.
 * `shards` is the site's number of shards when `reports` are only some of its reports (a build
 * shard, src/build/build-mode.ts): the shards they fill are then the site's own, byte for byte.
 */
export async function writeSearchIndex(
  reports: Iterable<IndexedReport>,
  siteDir: string,
  cacheDir: string,
  perShard = REPORTS_PER_SHARD,
  shards?: number,
): Promise<WrittenIndex> {
  const all = [...reports];
  const count = shards ?? shardCount(all.length, perShard);
  const everyShard: IndexedReport[][] = Array.from({ length: count }, () => []);
  for (const report of all) everyShard[shardOf(report.slug, count)]?.push(report);
  // An empty shard would be an index of nothing for every query to fetch (a site of no reports
  // still has one, for pagefind.js).
  const filled = everyShard.flatMap((shard, bundle) => (shard.length ? [{ shard, bundle }] : []));
  if (!filled.length) filled.push({ shard: [], bundle: 0 });
  const members = filled.map(({ shard }) => shard);
  // The code behind a shard: this module and what it imports (records, words, lexicons, pagefind).
  const version = moduleGraphHash(import.meta.filename);
  const base = join(siteDir, SEARCH_DIR);
  const keys = members.map((shard) =>
    keyOf(version, String(count), JSON.stringify(shard.map((r) => [r.slug, r.key]))).slice(0, 16),
  );
  const bundles = filled.map(({ bundle }, i) => ({ key: keys[i] as string, bundle }));
  // The index in SITE is already these shards (astro dev started again on unchanged reports):
  // linking its ~30,000 files again would cost seconds for nothing.
  const summaryFile = join(siteDir, WRITTEN_FILE);
  const previous = existsSync(summaryFile)
    ? (JSON.parse(await readFile(summaryFile, "utf8")) as WrittenIndex)
    : undefined;
  if (
    previous &&
    JSON.stringify(previous.keys) === JSON.stringify(bundles) &&
    previous.reports === all.length
  )
    return { ...previous, written: 0 };
  await rm(base, { recursive: true, force: true });
  await mkdir(cacheDir, { recursive: true });
  const toWrite = members.flatMap((shard, i) =>
    existsSync(join(cacheDir, keys[i] as string, DONE)) ? [] : [{ shard, key: keys[i] as string }],
  );
  let next = toWrite[0] && positionsOf(toWrite[0].shard);
  for (const [i, { shard, key }] of toWrite.entries()) {
    const positions = next as number;
    const kept = join(cacheDir, key);
    const partial = `${kept}.partial`;
    await rm(partial, { recursive: true, force: true });
    const following = toWrite[i + 1];
    next = undefined;
    const records = await writeShard(shard, positions, partial, () => {
      if (following) next = positionsOf(following.shard);
    });
    await writeFile(join(partial, DONE), String(records));
    await rm(kept, { recursive: true, force: true });
    await rename(partial, kept);
  }
  const records: number[] = [];
  let bytes = 0;
  for (const key of keys) {
    const kept = join(cacheDir, key);
    records.push(Number(await readFile(join(kept, DONE), "utf8")));
    bytes += await linkTree(kept, join(base, key));
  }
  const written = toWrite.length;
  // One pagefind.js for the site (every bundle has the same); the first shard is the one whose
  // wasm the browser loads.
  await rename(join(base, keys[0] as string, "pagefind.js"), join(base, "pagefind.js"));
  for (const key of keys.slice(1)) {
    for (const name of await readdir(join(base, key)))
      if (/^(?:pagefind\.js|wasm\.)/u.test(name)) await rm(join(base, key, name));
  }
  const list: ShardList = { shards: keys };
  await writeFile(join(base, SHARDS_FILE), JSON.stringify(list));
  // The cache keeps what this build used.
  const used = new Set(keys);
  for (const name of await readdir(cacheDir))
    if (!used.has(name)) await rm(join(cacheDir, name), { recursive: true, force: true });
  const summary: WrittenIndex = {
    reports: all.length,
    records: records.reduce((a, b) => a + b, 0),
    shards: keys.length,
    written,
    bytes,
    keys: bundles,
  };
  await writeFile(summaryFile, JSON.stringify(summary));
  return summary;
}
