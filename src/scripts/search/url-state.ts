// The search as it stands in the URL (/search/?q=营商环境&region=上街区&sort=date), so a search can be
// shared, reloaded and walked back with the back button.
import { FACETS, type Filters, type SortOrder } from "./engine.ts";

export interface SearchState {
  q: string;
  filters: Filters;
  sort: SortOrder;
}

export function readState(params: URLSearchParams): SearchState {
  const filters: Filters = {};
  for (const facet of FACETS) {
    const value = params.get(facet)?.trim();
    if (value) filters[facet] = value;
  }
  return {
    q: params.get("q")?.trim() ?? "",
    filters,
    sort: params.get("sort") === "date" ? "date" : "relevance",
  };
}

export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of FACETS) {
    const value = state.filters[facet];
    if (value) params.set(facet, value);
  }
  if (state.sort === "date") params.set("sort", "date");
  return params;
}

/** The link to a hit: the section anchor, with the query to highlight on arrival. */
export function hitHref(url: string, query: string): string {
  const hash = url.indexOf("#");
  const path = hash >= 0 ? url.slice(0, hash) : url;
  const anchor = hash >= 0 ? url.slice(hash) : "";
  return `${path}?${new URLSearchParams({ hl: query })}${anchor}`;
}
