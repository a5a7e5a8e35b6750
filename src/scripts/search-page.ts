// The /search/ page: the search state lives in the URL (?q=…&region=…&sort=…), so a search can be
// shared, reloaded and walked back; typing updates results as you go.
import { readState, type SearchState, writeState } from "./search/url-state.ts";
import { createView, onQueryInput, warmSearch } from "./search-ui.ts";

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = document.querySelector<HTMLInputElement>("[data-search-input]");
const status = document.querySelector<HTMLElement>("[data-search-status]");
const facets = document.querySelector<HTMLElement>("[data-search-facets]");
const results = document.querySelector<HTMLElement>("[data-search-results]");

if (form && input && status && facets && results) {
  let state = readState(new URLSearchParams(location.search));
  const go = (next: SearchState, push: boolean) => {
    state = next;
    const params = writeState(next).toString();
    const url = `${location.pathname}${params ? `?${params}` : ""}`;
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
    document.title = next.q ? `${next.q} · 搜索 · 报告精读` : "搜索 · 报告精读";
    void view.show(next);
  };
  const view = createView({
    status,
    results,
    facets: { element: facets, onChange: (next) => go(next, true) },
  });
  input.value = state.q;
  // This page is opened to search: the index is opened now (after the page's own loading, when
  // the browser is idle), not on the first keystroke. A ?q= link searches at once instead.
  if (state.q) void view.show(state);
  else if ("requestIdleCallback" in window) requestIdleCallback(() => warmSearch(true), { timeout: 2000 });
  else setTimeout(() => warmSearch(true), 200);
  // Results follow every keystroke (a newer search supersedes an older one still running). Typing
  // replaces the history entry; a submitted search or a filter click adds one.
  onQueryInput(input, (q) => go({ ...state, q }, false));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go({ ...state, q: input.value.trim() }, true);
  });
  addEventListener("popstate", () => {
    state = readState(new URLSearchParams(location.search));
    input.value = state.q;
    void view.show(state);
  });
}
