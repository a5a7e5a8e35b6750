// The part of pagefind's browser API (pagefind.js) the search uses, typed; and how the site's shard
// bundles are opened with it: the first shard is pagefind's own index, the others are merged into
// it with mergeIndex, so one search runs over every shard.
import { SEARCH_DIR, SHARDS_FILE, type ShardList } from "../../shared/shards.ts";

export type PagefindFilters = Record<string, string | { not: string }>;

export interface PagefindOptions {
  filters?: PagefindFilters;
  sort?: Record<string, "asc" | "desc">;
}

export interface PagefindData {
  url: string;
  /** The record's text as it was indexed (src/shared/search-text.ts). */
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per filter, per value: how many results pass the other filters and have that value. */
  filters: Record<string, Record<string, number>>;
}

export interface Pagefind {
  search(term: string, options?: PagefindOptions): Promise<PagefindResponse>;
  /** Loads what a search would need (`null`: only the filters' chunks) and searches nothing. */
  preload(term: string | null, options?: PagefindOptions): Promise<void>;
}

interface PagefindModule extends Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
}

/** Opens the site's index: pagefind.js, then every shard bundle named in shards.json. */
export async function openPagefind(origin = ""): Promise<Pagefind> {
  const base = `${origin}/${SEARCH_DIR}/`;
  const [pagefind, list] = await Promise.all([
    import(/* @vite-ignore */ `${base}pagefind.js`) as Promise<PagefindModule>,
    fetch(`${base}${SHARDS_FILE}`, { cache: "no-cache" }).then((r) => {
      if (!r.ok) throw new Error(`${base}${SHARDS_FILE}: ${r.status}`);
      return r.json() as Promise<ShardList>;
    }),
  ]);
  const [first, ...rest] = list.shards;
  if (!first) throw new Error("the search index has no shards");
  // A bundle's key changes with its content, so its files may be cached as they are. This already
  // runs in a worker of the site's own: pagefind must not start another (the site ships none).
  const shared = { baseUrl: "/", noWorker: true };
  await pagefind.options({ ...shared, basePath: `${base}${first}/`, metaCacheTag: first });
  await Promise.all(
    rest.map((key) => pagefind.mergeIndex(`${base}${key}/`, { ...shared, metaCacheTag: key })),
  );
  return pagefind;
}
