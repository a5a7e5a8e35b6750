// Writes the search index of the generated digests into the built site (/search-index/), one
// report at a time: each section's document is written as soon as it is indexed.
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReportDigest } from "../ingest/types.ts";
import { reportTitle } from "../site/summary.ts";
import { IndexBuilder } from "./index-build.ts";
import { sectionDocs } from "./records.ts";

export interface WrittenIndex {
  sections: number;
  shards: number;
  bytes: number;
}

/** Files written at once: the index is ~13,000 small files at 1,000 reports, and the disk is faster with several in flight. */
const WRITES_IN_FLIGHT = 32;

export async function writeSearchIndex(
  digests: Iterable<ReportDigest>,
  siteDir: string,
): Promise<WrittenIndex> {
  const base = join(siteDir, "search-index");
  await rm(base, { recursive: true, force: true });
  // Documents go here until the build's name (a hash of all of them) is known.
  const pending = join(base, "pending");
  await mkdir(pending, { recursive: true });
  let bytes = 0;
  const writing = new Set<Promise<void>>();
  const write = async (path: string, text: string) => {
    bytes += Buffer.byteLength(text);
    const done = writeFile(path, text).finally(() => writing.delete(done));
    writing.add(done);
    if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
  };
  const builder = new IndexBuilder();
  for (const digest of digests) {
    for (const doc of sectionDocs(digest, { href: `/reports/${digest.slug}/`, title: reportTitle(digest) })) {
      const json = JSON.stringify(doc);
      await write(join(pending, `d${builder.add(doc, json)}.json`), json);
    }
  }
  const { manifest, shards } = builder.finish();
  await Promise.all(writing);
  const dir = join(base, manifest.build);
  await rename(pending, dir);
  for (const [i, shard] of shards.entries()) await write(join(dir, `s${i}.json`), shard);
  await Promise.all(writing);
  // The manifest last: a reader that finds it finds every file it names.
  await writeFile(join(base, "manifest.json"), JSON.stringify(manifest));
  bytes += Buffer.byteLength(JSON.stringify(manifest));
  return { sections: manifest.sections.length, shards: shards.length, bytes };
}
