// The browser side of the search index: the manifest once, then only the postings shards and
// section documents a query needs, each fetched once per page.
import { decodePostings, type Manifest } from "./index-format.ts";
import type { SectionDoc } from "./records.ts";
import { shardOf } from "./tokens.ts";

export interface SearchIndex {
  manifest: Manifest;
  /** Section id → how often `key` occurs there. */
  postings(key: string): Promise<Map<number, number>>;
  doc(id: number): Promise<SectionDoc>;
}

/** The value cached under `key`, made by `make` the first time. */
function memo<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  const known = cache.get(key);
  if (known !== undefined) return known;
  const made = make();
  cache.set(key, made);
  return made;
}

const json = async <T>(url: string): Promise<T> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
};

export async function openIndex(base = "/search-index/"): Promise<SearchIndex> {
  const manifest = await json<Manifest>(`${base}manifest.json`);
  const dir = `${base}${manifest.build}/`;
  const shards = new Map<number, Promise<Record<string, number[]>>>();
  const docs = new Map<number, Promise<SectionDoc>>();
  const decoded = new Map<string, Map<number, number>>();
  return {
    manifest,
    async postings(key) {
      const known = decoded.get(key);
      if (known) return known;
      const n = shardOf(key, manifest.shards);
      const shard = memo(shards, n, () => json<Record<string, number[]>>(`${dir}s${n}.json`));
      const list = decodePostings((await shard)[key] ?? []);
      decoded.set(key, list);
      return list;
    },
    doc: (id) => memo(docs, id, () => json<SectionDoc>(`${dir}d${id}.json`)),
  };
}
