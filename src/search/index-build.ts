// Builds the static search index from the section documents: a manifest (facets of every
// section, read once), postings sharded by key into small files (a query fetches only the shards
// of its keys), and one small file per section (its text, fetched for the sections shown).
// Documents are added one at a time and postings kept already encoded, so a thousand reports are
// indexed without holding every report, or a tuple per posting, in memory.
import { createHash } from "node:crypto";
import type { Manifest } from "./index-format.ts";
import type { SectionDoc } from "./records.ts";
import { keyCounts, shardOf } from "./tokens.ts";

export interface BuiltIndex {
  manifest: Manifest;
  /** Shard files: key → postings, each posting `(id delta) * 16 + min(count, 15)`. */
  shards: Array<Record<string, number[]>>;
}

/** Postings per shard file, in raw JSON bytes: a few KB once compressed. */
const SHARD_TARGET_BYTES = 12_000;

interface Postings {
  lastId: number;
  values: number[];
}

/** Sorted distinct values and the index of each. */
function facet(values: Iterable<string>) {
  const list = [...new Set(values)].sort();
  const at = new Map(list.map((v, i) => [v, i]));
  return { list, of: (v: string | undefined) => (v === undefined ? -1 : (at.get(v) ?? -1)) };
}

export class IndexBuilder {
  private readonly postings = new Map<string, Postings>();
  private readonly reportIds = new Map<string, number>();
  private readonly reports: Array<{ region?: string; year?: number; kind?: string; date: string }> = [];
  private readonly sections: Array<{ report: number; topics: string[]; length: number }> = [];
  private readonly hash = createHash("sha256");

  /** Adds a section document; returns its id (documents are numbered in the order added). */
  add(doc: SectionDoc): number {
    const id = this.sections.length;
    let report = this.reportIds.get(doc.slug);
    if (report === undefined) {
      report = this.reports.push({ region: doc.region, year: doc.year, kind: doc.kind, date: doc.date }) - 1;
      this.reportIds.set(doc.slug, report);
    }
    this.sections.push({ report, topics: doc.topics, length: doc.text.length });
    for (const [key, count] of keyCounts(doc.text)) {
      let p = this.postings.get(key);
      if (!p) {
        p = { lastId: 0, values: [] };
        this.postings.set(key, p);
      }
      p.values.push((id - p.lastId) * 16 + Math.min(count, 15));
      p.lastId = id;
    }
    this.hash.update(JSON.stringify(doc));
    return id;
  }

  finish(): BuiltIndex {
    const regions = facet(this.reports.flatMap((r) => (r.region ? [r.region] : [])));
    const kinds = facet(this.reports.flatMap((r) => (r.kind ? [r.kind] : [])));
    const topics = facet(this.sections.flatMap((s) => s.topics));
    let bytes = 0;
    for (const [key, p] of this.postings) bytes += key.length * 3 + 6 + p.values.join(",").length;
    const shardCount = Math.max(1, Math.ceil(bytes / SHARD_TARGET_BYTES));
    const shards: BuiltIndex["shards"] = Array.from({ length: shardCount }, () => ({}));
    for (const key of [...this.postings.keys()].sort()) {
      (shards[shardOf(key, shardCount)] as Record<string, number[]>)[key] =
        this.postings.get(key)?.values ?? [];
    }
    return {
      manifest: {
        build: this.hash.update(String(shardCount)).digest("hex").slice(0, 12),
        shards: shardCount,
        regions: regions.list,
        kinds: kinds.list,
        topics: topics.list,
        reports: this.reports.map((r) => [regions.of(r.region), r.year ?? 0, kinds.of(r.kind), r.date]),
        sections: this.sections.map((s) => [s.report, s.topics.map(topics.of), s.length]),
      },
      shards,
    };
  }
}

/** The index of documents already in memory (tests, small sites). */
export function buildIndex(docs: SectionDoc[]): BuiltIndex {
  const builder = new IndexBuilder();
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}
