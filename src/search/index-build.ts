// Builds the static search index from the section documents: a manifest (facets of every
// section, read once), postings sharded by key into small files (a query fetches only the shards
// of its keys), and one small file per section (its text, fetched for the sections shown).
// Postings are kept in typed arrays (11 million at 1,000 reports), grouped by key in one counting
// sort, and can be merged with an earlier build's (src/search/index-write.ts), so a rebuild indexes
// only the reports that changed.
import { createHash } from "node:crypto";
import type { Manifest } from "./index-format.ts";
import type { SectionDoc } from "./records.ts";
import { forEachKey, type KeyId, keyOfId, shardOf } from "./tokens.ts";

/** What the manifest keeps of a section document. */
export interface DocFacets {
  region?: string;
  year?: number;
  kind?: string;
  date: string;
  topics: string[];
  length: number;
}

export const docFacets = (doc: SectionDoc): DocFacets => ({
  ...(doc.region ? { region: doc.region } : {}),
  ...(doc.year ? { year: doc.year } : {}),
  ...(doc.kind ? { kind: doc.kind } : {}),
  date: doc.date,
  topics: doc.topics,
  length: doc.text.length,
});

/**
 * Every key's postings, keys in sorted order: key i's postings are values[offsets[i] ..
 * offsets[i + 1]], each `section id * 16 + min(count, 15)`, ids ascending.
 */
export interface Postings {
  keys: string[];
  offsets: Int32Array;
  values: Int32Array;
}

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

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class IndexBuilder {
  /** Each key number's key, numbered in order of first use. */
  private readonly keyIds: KeyId[] = [];
  private readonly hanNumbers = new CodeTable();
  private readonly tokenNumbers = new Map<string, number>();
  /** Per key number: the section being added + 1 if it has the key, and how often. */
  private readonly seenIn = new IntList();
  private readonly counts = new IntList();
  /** The key numbers of the section being added, in order of first occurrence. */
  private readonly touched = new IntList(1 << 12);
  /** Every posting as it was made: its key number and its value, grouped by key in postings(). */
  private readonly postingKeys = new IntList();
  private readonly postingValues = new IntList();
  private lastId = -1;

  /** Adds a section document as section `id` (ids ascending, not necessarily consecutive). */
  add(doc: SectionDoc, id: number): void {
    if (id <= this.lastId) throw new Error(`section ${id} added after section ${this.lastId}`);
    this.lastId = id;
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
    const { touched } = this;
    for (let i = 0; i < touched.length; i++) {
      const k = touched.items[i] as number;
      this.postingKeys.push(k);
      this.postingValues.push(id * 16 + Math.min(this.counts.items[k] as number, 15));
    }
    touched.length = 0;
  }

  private newKey(id: KeyId): number {
    this.seenIn.push(0);
    this.counts.push(0);
    return this.keyIds.push(id) - 1;
  }

  /** The postings grouped by key: a counting sort into one typed array, no list per key. */
  postings(): Postings {
    const keyCount = this.keyIds.length;
    const { items: postingKeys, length } = this.postingKeys;
    const values = this.postingValues.items;
    const counts = new Int32Array(keyCount);
    for (let i = 0; i < length; i++) {
      const k = postingKeys[i] as number;
      counts[k] = (counts[k] as number) + 1;
    }
    // Keys in sorted order, and where each key's postings go.
    const order = this.keyIds.map((id, k): [string, number] => [keyOfId(id), k]);
    order.sort(([a], [b]) => byString(a, b));
    const offsets = new Int32Array(keyCount + 1);
    const next = new Int32Array(keyCount);
    order.forEach(([, k], i) => {
      next[k] = offsets[i] as number;
      offsets[i + 1] = (offsets[i] as number) + (counts[k] as number);
    });
    const sorted = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const k = postingKeys[i] as number;
      const at = next[k] as number;
      sorted[at] = values[i] as number;
      next[k] = at + 1;
    }
    return { keys: order.map(([key]) => key), offsets, values: sorted };
  }
}

/**
 * An earlier build's postings with its section ids renumbered (`renumber[old id]`, -1 for a
 * section that is gone), merged with the postings of the sections indexed afresh. Renumbering
 * keeps the order of the sections it keeps, so every key's postings stay in id order.
 */
export function mergePostings(earlier: Postings, renumber: Int32Array, fresh: Postings): Postings {
  const keys: string[] = [];
  const offsets = new IntList(1 << 16);
  offsets.push(0);
  const values = new IntList(earlier.values.length + fresh.values.length);
  let a = 0;
  let b = 0;
  while (a < earlier.keys.length || b < fresh.keys.length) {
    const keyA = earlier.keys[a];
    const keyB = fresh.keys[b];
    const order = keyA === undefined ? 1 : keyB === undefined ? -1 : byString(keyA, keyB);
    let i = order <= 0 ? (earlier.offsets[a] as number) : 0;
    const endA = order <= 0 ? (earlier.offsets[a + 1] as number) : 0;
    let j = order >= 0 ? (fresh.offsets[b] as number) : 0;
    const endB = order >= 0 ? (fresh.offsets[b + 1] as number) : 0;
    const before = values.length;
    for (;;) {
      // The next kept earlier posting, renumbered.
      let kept = -1;
      while (i < endA && kept < 0) {
        const v = earlier.values[i] as number;
        const id = renumber[v >> 4] as number;
        if (id >= 0) kept = id * 16 + (v & 15);
        else i++;
      }
      if (kept < 0 && j >= endB) break;
      if (kept >= 0 && (j >= endB || kept < (fresh.values[j] as number))) {
        values.push(kept);
        i++;
      } else values.push(fresh.values[j++] as number);
    }
    if (values.length > before) {
      keys.push((order <= 0 ? keyA : keyB) as string);
      offsets.push(values.length);
    }
    if (order <= 0) a++;
    if (order >= 0) b++;
  }
  return {
    keys,
    offsets: offsets.items.slice(0, offsets.length),
    values: values.items.slice(0, values.length),
  };
}

/** The shard files of the postings: each key's postings delta-coded, keys spread by hash. */
export function shardTexts(postings: Postings): string[] {
  const { keys, offsets, values } = postings;
  const lists = keys.map((_, k) => {
    let last = 0;
    const out: number[] = [];
    for (let i = offsets[k] as number; i < (offsets[k + 1] as number); i++) {
      const v = values[i] as number;
      out.push(((v >> 4) - last) * 16 + (v & 15));
      last = v >> 4;
    }
    return `[${out.join(",")}]`;
  });
  let bytes = 0;
  keys.forEach((key, k) => {
    bytes += key.length * 3 + 4 + (lists[k] as string).length;
  });
  const shardCount = Math.max(1, Math.ceil(bytes / SHARD_TARGET_BYTES));
  const members: string[][] = Array.from({ length: shardCount }, () => []);
  keys.forEach((key, k) => {
    members[shardOf(key, shardCount)]?.push(`${JSON.stringify(key)}:${lists[k]}`);
  });
  return members.map((m) => `{${m.join(",")}}`);
}

/** Sorted distinct values and the index of each. */
function facet(values: Iterable<string>) {
  const list = [...new Set(values)].sort();
  const at = new Map(list.map((v, i) => [v, i]));
  return { list, of: (v: string | undefined) => (v === undefined ? -1 : (at.get(v) ?? -1)) };
}

/** The manifest of a build: facets, then per report and per section (reports' sections in id order). */
export function manifestOf(build: string, shards: number, reports: DocFacets[][]): Manifest {
  const docs = reports.flat();
  const regions = facet(docs.flatMap((d) => (d.region ? [d.region] : [])));
  const kinds = facet(docs.flatMap((d) => (d.kind ? [d.kind] : [])));
  const topics = facet(docs.flatMap((d) => d.topics));
  // A report's facets are those of its first document (every document of a report carries them).
  const heads = reports.filter((docsOf) => docsOf.length > 0).map((docsOf) => docsOf[0] as DocFacets);
  let report = 0;
  const sections: Manifest["sections"] = [];
  for (const docsOf of reports) {
    if (!docsOf.length) continue;
    for (const d of docsOf) sections.push([report, d.topics.map(topics.of), d.length]);
    report++;
  }
  return {
    build,
    shards,
    regions: regions.list,
    kinds: kinds.list,
    topics: topics.list,
    reports: heads.map((r) => [regions.of(r.region), r.year ?? 0, kinds.of(r.kind), r.date]),
    sections,
  };
}

/** The index of documents already in memory (tests, small sites), named by their content. */
export function buildIndex(docs: SectionDoc[]): BuiltIndex {
  const builder = new IndexBuilder();
  const hash = createHash("sha256");
  const bySlug = new Map<string, DocFacets[]>();
  docs.forEach((doc, id) => {
    builder.add(doc, id);
    hash.update(JSON.stringify(doc));
    const list = bySlug.get(doc.slug);
    if (list) list.push(docFacets(doc));
    else bySlug.set(doc.slug, [docFacets(doc)]);
  });
  const shards = shardTexts(builder.postings());
  return {
    manifest: manifestOf(hash.update(String(shards.length)).digest("hex").slice(0, 12), shards.length, [
      ...bySlug.values(),
    ]),
    shards,
  };
}
