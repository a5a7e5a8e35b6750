// The section records of a built site's search index as pagefind stored them (gzip-compressed
// JSON behind pagefind's signature), with their text as a reader reads it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { displayText } from "../../src/shared/search-text.ts";
import { SEARCH_DIR, SHARDS_FILE, type ShardList } from "../../src/shared/shards.ts";

export interface StoredRecord {
  url: string;
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const SIGNATURE = "pagefind_dcd";

export function searchFragments(siteDir: string): StoredRecord[] {
  const base = join(siteDir, SEARCH_DIR);
  const { shards } = JSON.parse(readFileSync(join(base, SHARDS_FILE), "utf8")) as ShardList;
  return shards.flatMap((key) => {
    const dir = join(base, key, "fragment");
    return readdirSync(dir).map((name) => {
      const json = gunzipSync(readFileSync(join(dir, name)))
        .toString("utf8")
        .slice(SIGNATURE.length);
      const stored = JSON.parse(json) as Omit<StoredRecord, "text"> & { content: string };
      return {
        url: stored.url,
        text: displayText(stored.content),
        meta: stored.meta,
        filters: stored.filters,
      };
    });
  });
}
