// The search, in a worker of its own: pagefind runs here, off the page's main thread, and here it
// takes the query words exactly as the index has them (src/shared/search-text.ts). On the page
// itself pagefind would cut a Chinese query with the browser's segmenter (it reads the page's
// lang="zh-CN"); a worker has no page, so pagefind leaves the words as they are given.
import { DEFAULT_LIMITS, runSearch, warmFacets } from "./engine.ts";
import { openPagefind, type Pagefind } from "./pagefind-api.ts";
import { parseQuery } from "./query.ts";
import type { SearchReply, SearchRequest, WarmRequest } from "./worker-protocol.ts";

let pagefind: Promise<Pagefind> | undefined;
let latest = 0;

addEventListener("message", async (event: MessageEvent<SearchRequest | WarmRequest>) => {
  if ("warm" in event.data) {
    pagefind ??= openPagefind();
    const warmed = pagefind;
    const counts = event.data.counts;
    // A failed start is retried by the first query (which reports it).
    warmed
      .then((p) => (counts ? warmFacets(p) : undefined))
      .catch(() => {
        if (pagefind === warmed) pagefind = undefined;
      });
    return;
  }
  const { id, state, pages, round, counts } = event.data;
  latest = id;
  try {
    pagefind ??= openPagefind();
    const query = parseQuery(state.q);
    const ask = { query, filters: state.filters, sort: state.sort, counts };
    const outcome = await runSearch(await pagefind, ask, {
      ...DEFAULT_LIMITS,
      enough: round * pages,
      batch: round,
      maxChecked: DEFAULT_LIMITS.maxChecked * pages,
      current: () => id === latest,
    });
    postMessage({ id, outcome, query } satisfies SearchReply);
  } catch (error) {
    pagefind = undefined;
    postMessage({ id, error: String(error instanceof Error ? error.message : error) } satisfies SearchReply);
  }
});
