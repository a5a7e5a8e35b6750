// Where the site serves its search index, shared by the build that writes it and the browser
// that reads it: /pagefind/pagefind.js, and /pagefind/shards.json naming the shard bundles
// (/pagefind/<key>/), the first of which is the one pagefind opens, the others merged into it.
export const SEARCH_DIR = "pagefind";
export const SHARDS_FILE = "shards.json";

export interface ShardList {
  /** Keys of the shard bundles; a key changes whenever its reports do, so bundles never change. */
  shards: string[];
}
