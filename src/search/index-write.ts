// Writes the search index of the generated digests into the built site (/search-index/).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportDigest } from "../ingest/types.ts";
import { reportTitle } from "../site/summary.ts";
import { buildIndex } from "./index-build.ts";
import { sectionDocs } from "./records.ts";

export interface WrittenIndex {
  sections: number;
  shards: number;
  bytes: number;
}

export function writeSearchIndex(digests: ReportDigest[], siteDir: string): WrittenIndex {
  const docs = digests.flatMap((d) => sectionDocs(d, { href: `/reports/${d.slug}/`, title: reportTitle(d) }));
  const { manifest, shards } = buildIndex(docs);
  const base = join(siteDir, "search-index");
  rmSync(base, { recursive: true, force: true });
  const dir = join(base, manifest.build);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const write = (path: string, value: unknown) => {
    const text = JSON.stringify(value);
    bytes += Buffer.byteLength(text);
    writeFileSync(path, text);
  };
  write(join(base, "manifest.json"), manifest);
  shards.forEach((shard, i) => {
    write(join(dir, `s${i}.json`), shard);
  });
  docs.forEach((doc, i) => {
    write(join(dir, `d${i}.json`), doc);
  });
  return { sections: docs.length, shards: shards.length, bytes };
}
