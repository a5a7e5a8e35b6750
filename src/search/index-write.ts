// Writes the search index of the generated digests into the built site (/search-index/), one
// report at a time: each section's document is written as soon as it is indexed.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

export function writeSearchIndex(digests: Iterable<ReportDigest>, siteDir: string): WrittenIndex {
  const base = join(siteDir, "search-index");
  rmSync(base, { recursive: true, force: true });
  // Documents go here until the build's name (a hash of all of them) is known.
  const pending = join(base, "pending");
  mkdirSync(pending, { recursive: true });
  let bytes = 0;
  const write = (path: string, value: unknown) => {
    const text = JSON.stringify(value);
    bytes += Buffer.byteLength(text);
    writeFileSync(path, text);
  };
  const builder = new IndexBuilder();
  for (const digest of digests) {
    for (const doc of sectionDocs(digest, { href: `/reports/${digest.slug}/`, title: reportTitle(digest) })) {
      write(join(pending, `d${builder.add(doc)}.json`), doc);
    }
  }
  const { manifest, shards } = builder.finish();
  const dir = join(base, manifest.build);
  renameSync(pending, dir);
  write(join(base, "manifest.json"), manifest);
  shards.forEach((shard, i) => {
    write(join(dir, `s${i}.json`), shard);
  });
  return { sections: manifest.sections.length, shards: shards.length, bytes };
}
