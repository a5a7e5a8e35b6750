// What the page and the search worker say to each other.
import type { SearchOutcome } from "./engine.ts";
import type { ParsedQuery } from "./query.ts";
import type { SearchState } from "./url-state.ts";

export interface SearchRequest {
  id: number;
  state: SearchState;
  /** How many rounds of results to check (the "更多结果" button asks for one more)… */
  pages: number;
  /** …of this many results each (the dialog shows fewer than the search page). */
  round: number;
  /** Whether to count the results per facet value (only a view that shows facets asks). */
  counts: boolean;
}

/**
 * Opens the index before the first query (the search page sends it once loaded): pagefind.js, its
 * wasm and every shard's meta, and with `counts` the facets' filter chunks.
 */
export interface WarmRequest {
  warm: true;
  counts: boolean;
}

/** The outcome, and the query as the search understood it (for marking it in the results). */
export type SearchReply =
  | { id: number; outcome: SearchOutcome; query: ParsedQuery }
  | { id: number; error: string };
