// The search index's file format, shared by the build (src/search/index-build.ts) and the
// browser (src/search/index-client.ts). Files live under /search-index/: manifest.json, then
// <build>/s<n>.json (postings shards) and <build>/d<id>.json (one section document each).

export interface Manifest {
  /** Directory of this build's shards and documents, so deployments never mix files. */
  build: string;
  shards: number;
  regions: string[];
  kinds: string[];
  topics: string[];
  /** Per report: region index (-1 none), year (0 none), kind index (-1 none), date key. */
  reports: Array<[number, number, number, string]>;
  /** Per section (by id): report index, topic indices, text length. */
  sections: Array<[number, number[], number]>;
}

/** Decodes one key's postings: section id → how often the key occurs there (15 = 15 or more). */
export function decodePostings(values: number[]): Map<number, number> {
  const out = new Map<number, number>();
  let id = 0;
  for (const v of values) {
    id += Math.floor(v / 16);
    out.set(id, v % 16);
  }
  return out;
}
