// Builds the static search index from the section documents: a manifest (facets of every
// section, read once), postings sharded by key into small files (a query fetches only the shards
// of its keys), and one small file per section (its text, fetched for the sections shown).
import { createHash } from "node:crypto";
import type { Manifest } from "./index-format.ts";
import type { SectionDoc } from "./records.ts";
import { keyCounts, shardOf } from "./tokens.ts";

export interface BuiltIndex {
  manifest: Manifest;
  /** Shard files: key → postings, each posting `(id delta) * 16 + min(count, 15)`. */
  shards: Array<Record<string, number[]>>;
  docs: SectionDoc[];
}

/** Postings per shard file, in raw JSON bytes: a few KB once compressed. */
const SHARD_TARGET_BYTES = 12_000;

const indexer = <T>(values: T[]) => {
  const list: T[] = [];
  const at = new Map<T, number>();
  const of = (v: T) => {
    let i = at.get(v);
    if (i === undefined) {
      i = list.push(v) - 1;
      at.set(v, i);
    }
    return i;
  };
  for (const v of values) of(v);
  return { list, of };
};

export function buildIndex(docs: SectionDoc[]): BuiltIndex {
  const regions = indexer([...new Set(docs.flatMap((d) => (d.region ? [d.region] : [])))].sort());
  const kinds = indexer([...new Set(docs.flatMap((d) => (d.kind ? [d.kind] : [])))].sort());
  const topics = indexer([...new Set(docs.flatMap((d) => d.topics))].sort());
  const reportIds = indexer(docs.map((d) => d.slug));
  const reports: Manifest["reports"] = [];
  const sections: Manifest["sections"] = [];
  const postings = new Map<string, Array<[number, number]>>();
  docs.forEach((doc, id) => {
    const r = reportIds.of(doc.slug);
    reports[r] ??= [
      doc.region ? regions.of(doc.region) : -1,
      doc.year ?? 0,
      doc.kind ? kinds.of(doc.kind) : -1,
      doc.date,
    ];
    sections.push([r, doc.topics.map(topics.of), doc.text.length]);
    for (const [key, count] of keyCounts(doc.text)) {
      const list = postings.get(key) ?? [];
      if (!list.length) postings.set(key, list);
      list.push([id, count]);
    }
  });
  const encoded = new Map<string, number[]>();
  let bytes = 0;
  for (const [key, list] of postings) {
    let last = 0;
    const values = list.map(([id, count]) => {
      const v = (id - last) * 16 + Math.min(count, 15);
      last = id;
      return v;
    });
    encoded.set(key, values);
    bytes += key.length * 3 + 6 + values.join(",").length;
  }
  const shardCount = Math.max(1, Math.ceil(bytes / SHARD_TARGET_BYTES));
  const shards: BuiltIndex["shards"] = Array.from({ length: shardCount }, () => ({}));
  for (const key of [...encoded.keys()].sort()) {
    (shards[shardOf(key, shardCount)] as Record<string, number[]>)[key] = encoded.get(key) as number[];
  }
  const build = createHash("sha256")
    .update(JSON.stringify([docs, shardCount]))
    .digest("hex")
    .slice(0, 12);
  return {
    manifest: {
      build,
      shards: shardCount,
      regions: regions.list,
      kinds: kinds.list,
      topics: topics.list,
      reports,
      sections,
    },
    shards,
    docs,
  };
}
