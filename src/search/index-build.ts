// Builds the static search index from the section documents: a manifest (facets of every
// section, read once), postings sharded by key into small files (a query fetches only the shards
// of its keys), and one small file per section (its text, fetched for the sections shown).
// Documents are added one at a time and postings kept already encoded, so a thousand reports are
// indexed without holding every report, or a tuple per posting, in memory.
import { createHash } from "node:crypto";
import type { Manifest } from "./index-format.ts";
import type { SectionDoc } from "./records.ts";
import { forEachKey, type KeyId, keyOfId, shardOf } from "./tokens.ts";

export interface BuiltIndex {
  manifest: Manifest;
  /**
   * Shard files as JSON texts: an object of key → postings, each posting
   * `(id delta) * 16 + min(count, 15)`.
   */
  shards: string[];
}

/** Postings per shard file, in raw JSON bytes: a few KB once compressed. */
const SHARD_TARGET_BYTES = 12_000;

/** Sorted distinct values and the index of each. */
function facet(values: Iterable<string>) {
  const list = [...new Set(values)].sort();
  const at = new Map(list.map((v, i) => [v, i]));
  return { list, of: (v: string | undefined) => (v === undefined ? -1 : (at.get(v) ?? -1)) };
}

/** An append-only list of 32-bit integers in one typed array (millions of postings, few objects). */
class IntList {
  items: Int32Array;
  length = 0;
  constructor(capacity = 1 << 16) {
    this.items = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
}

/**
 * Han keys (a character's code, or a pair's, see KeyId: never 0) → key numbers, in an
 * open-addressing table on typed arrays: the index looks a key up for every character of every
 * report (~20 million times at 1,000 reports), several times faster than a Map.
 */
class CodeTable {
  private codes = new Uint32Array(1 << 16);
  private numbers = new Int32Array(1 << 16);
  private size = 0;

  private slot(code: number): number {
    const mask = this.codes.length - 1;
    let at = Math.imul(code, 0x9e3779b1) >>> 0;
    for (;;) {
      at &= mask;
      const held = this.codes[at] as number;
      if (held === code || held === 0) return at;
      at++;
    }
  }

  /** The key number of `code`, or `make()`'s for a code not seen before. */
  numberOf(code: number, make: () => number): number {
    let at = this.slot(code);
    if (this.codes[at] === code) return this.numbers[at] as number;
    if (++this.size * 2 > this.codes.length) {
      this.grow();
      at = this.slot(code);
    }
    const number = make();
    this.codes[at] = code;
    this.numbers[at] = number;
    return number;
  }

  private grow(): void {
    const { codes, numbers } = this;
    this.codes = new Uint32Array(codes.length * 2);
    this.numbers = new Int32Array(codes.length * 2);
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i] as number;
      if (code === 0) continue;
      const at = this.slot(code);
      this.codes[at] = code;
      this.numbers[at] = numbers[i] as number;
    }
  }
}

export class IndexBuilder {
  /** Each key number's key, numbered in order of first use. */
  private readonly keyIds: KeyId[] = [];
  private readonly hanNumbers = new CodeTable();
  private readonly tokenNumbers = new Map<string, number>();
  /** Per key number: the last section that had the key (postings are delta-coded). */
  private readonly lastIds = new IntList();
  /** Per key number: the section being added + 1 if it has the key, and how often. */
  private readonly seenIn = new IntList();
  private readonly counts = new IntList();
  /** The key numbers of the section being added, in order of first occurrence. */
  private readonly touched = new IntList(1 << 12);
  /** Every posting as it was made: its key number and its encoded value, grouped by key in finish(). */
  private readonly postingKeys = new IntList();
  private readonly postingValues = new IntList();
  private readonly reportIds = new Map<string, number>();
  private readonly reports: Array<{ region?: string; year?: number; kind?: string; date: string }> = [];
  private readonly sections: Array<{ report: number; topics: string[]; length: number }> = [];
  private readonly hash = createHash("sha256");

  /**
   * Adds a section document; returns its id (documents are numbered in the order added).
   * `json` is the document as written to its file, when the caller has it already.
   */
  add(doc: SectionDoc, json = JSON.stringify(doc)): number {
    const id = this.sections.length;
    let report = this.reportIds.get(doc.slug);
    if (report === undefined) {
      report = this.reports.push({ region: doc.region, year: doc.year, kind: doc.kind, date: doc.date }) - 1;
      this.reportIds.set(doc.slug, report);
    }
    this.sections.push({ report, topics: doc.topics, length: doc.text.length });
    const visit = (k: number) => {
      if (this.seenIn.items[k] === id + 1) this.counts.items[k] = (this.counts.items[k] as number) + 1;
      else {
        this.seenIn.items[k] = id + 1;
        this.counts.items[k] = 1;
        this.touched.push(k);
      }
    };
    forEachKey(
      doc.text,
      (code) => visit(this.hanNumbers.numberOf(code, () => this.newKey(code))),
      (token) => {
        let k = this.tokenNumbers.get(token);
        if (k === undefined) {
          k = this.newKey(token);
          this.tokenNumbers.set(token, k);
        }
        visit(k);
      },
    );
    const { touched, lastIds } = this;
    for (let i = 0; i < touched.length; i++) {
      const k = touched.items[i] as number;
      this.postingKeys.push(k);
      this.postingValues.push(
        (id - (lastIds.items[k] as number)) * 16 + Math.min(this.counts.items[k] as number, 15),
      );
      lastIds.items[k] = id;
    }
    touched.length = 0;
    this.hash.update(json);
    return id;
  }

  private newKey(id: KeyId): number {
    this.lastIds.push(0);
    this.seenIn.push(0);
    this.counts.push(0);
    return this.keyIds.push(id) - 1;
  }

  /**
   * Each key's postings as one JSON array text, keys in order: a counting sort of the postings by
   * key into one typed array, so no list per key is ever made (11 million postings at 1,000 reports).
   */
  private postingsByKey(): Array<[string, string]> {
    const keyCount = this.keyIds.length;
    const { items: postingKeys, length } = this.postingKeys;
    const values = this.postingValues.items;
    const starts = new Int32Array(keyCount + 1);
    for (let i = 0; i < length; i++) {
      const k = (postingKeys[i] as number) + 1;
      starts[k] = (starts[k] as number) + 1;
    }
    for (let k = 0; k < keyCount; k++) starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
    const next = starts.slice(0, keyCount);
    const sorted = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const k = postingKeys[i] as number;
      const at = next[k] as number;
      sorted[at] = values[i] as number;
      next[k] = at + 1;
    }
    const keys = this.keyIds.map((id, k): [string, number] => [keyOfId(id), k]);
    keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return keys.map(([key, k]) => [key, `[${sorted.subarray(starts[k], starts[k + 1]).join(",")}]`]);
  }

  finish(): BuiltIndex {
    const regions = facet(this.reports.flatMap((r) => (r.region ? [r.region] : [])));
    const kinds = facet(this.reports.flatMap((r) => (r.kind ? [r.kind] : [])));
    const topics = facet(this.sections.flatMap((s) => s.topics));
    const postings = this.postingsByKey();
    let bytes = 0;
    for (const [key, list] of postings) bytes += key.length * 3 + 4 + list.length;
    const shardCount = Math.max(1, Math.ceil(bytes / SHARD_TARGET_BYTES));
    const members: string[][] = Array.from({ length: shardCount }, () => []);
    for (const [key, list] of postings)
      members[shardOf(key, shardCount)]?.push(`${JSON.stringify(key)}:${list}`);
    const shards = members.map((m) => `{${m.join(",")}}`);
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
