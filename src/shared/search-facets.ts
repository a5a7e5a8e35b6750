// What a reader filters search results by: pagefind filters on every record (src/search/records.ts
// writes them, the search worker asks for them).
export const FACETS = ["region", "year", "kind", "topic"] as const;
export type Facet = (typeof FACETS)[number];
