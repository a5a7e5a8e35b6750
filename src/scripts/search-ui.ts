// The search view shared by the /search/ page and the search dialog: runs a search for a state and
// renders status, facet filters with counts, sort, results grouped by report (section hits linking
// to their anchors, excerpts with the query marked) and the "related" sections apart.
// Everything report-derived is set with textContent.
import { FACETS, type Facet, type Hit, type SearchOutcome } from "./search/engine.ts";
import { excerpt } from "./search/excerpt.ts";
import { matchRanges, normalizeWithMap } from "./search/match.ts";
import type { ParsedQuery } from "./search/query.ts";
import { hitHref, type SearchState } from "./search/url-state.ts";
import type { SearchReply, SearchRequest, WarmRequest } from "./search/worker-protocol.ts";

const FACET_LABELS: Record<Facet, string> = { region: "地区", year: "年份", kind: "类型", topic: "主题" };
const HITS_SHOWN = 3;
/** What a section without a heading (a report's opening) is called in the results. */
const LEAD = "导语";

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, (reply: SearchReply) => void>();

type Answer = { outcome: SearchOutcome; query: ParsedQuery };

/** Runs a search in the search worker (src/scripts/search/search-worker.ts), started on first use. */
/** Results per round: the dialog's short list, and the search page's. */
const DIALOG_ROUND = 8;
const PAGE_ROUND = 15;

function searchWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL("./search/search-worker.ts", import.meta.url), { type: "module" });
    worker.addEventListener("message", (event: MessageEvent<SearchReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    });
  }
  return worker;
}

/**
 * Starts the search worker and has it open the index (and, for a view with facets, load the
 * facets' filter chunks), so the first query pays only for its own words' chunks and texts.
 */
export function warmSearch(counts: boolean): void {
  searchWorker().postMessage({ warm: true, counts } satisfies WarmRequest);
}

function searchInWorker(state: SearchState, pages: number, page: boolean): Promise<Answer> {
  const worker = searchWorker();
  const id = ++lastId;
  const round = page ? PAGE_ROUND : DIALOG_ROUND;
  worker.postMessage({ id, state, pages, round, counts: page } satisfies SearchRequest);
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply) => ("error" in reply ? reject(new Error(reply.error)) : resolve(reply)));
  });
}

/**
 * Calls `search` with the field's text on every change, but not while an input method is still
 * composing (the pinyin letters of 营商 are not a query); the composed characters are.
 */
export function onQueryInput(input: HTMLInputElement, search: (q: string) => void): void {
  input.addEventListener("input", (event) => {
    if (!(event as InputEvent).isComposing) search(input.value.trim());
  });
  input.addEventListener("compositionend", () => search(input.value.trim()));
}

export interface ViewElements {
  status: HTMLElement;
  /**
   * Facet filters and sorting, and what to do when the reader changes them; the dialog has none
   * (the full search page has them, in its URL).
   */
  facets?: { element: HTMLElement; onChange: (s: SearchState) => void };
  results: HTMLElement;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Text with the query's whole terms marked, trimmed around the first match when `around` is set. */
function marked(raw: string, query: ParsedQuery, around?: number): DocumentFragment {
  const { text, offsets } = normalizeWithMap(raw);
  const ranges = matchRanges(text, query).map((r) => ({
    start: offsets[r.start] ?? 0,
    end: offsets[r.end] ?? raw.length,
  }));
  const pieces = around ? excerpt(raw, ranges, around) : excerpt(raw, ranges, raw.length);
  const out = document.createDocumentFragment();
  for (const p of pieces)
    out.append(p.mark ? el("mark", undefined, p.text) : document.createTextNode(p.text));
  return out;
}

function hitItem(hit: Hit, query: ParsedQuery, q: string): HTMLLIElement {
  const li = el("li", "sr-hit");
  const a = el("a");
  a.href = hitHref(hit.doc.url, q);
  a.append(marked(hit.doc.heading || LEAD, query));
  const p = el("p", "sr-excerpt");
  p.append(marked(hit.doc.text, query, 90));
  li.append(a, p);
  return li;
}

function groups(hits: Hit[]): Hit[][] {
  const bySlug = new Map<string, Hit[]>();
  for (const h of hits) {
    const slug = h.doc.url.split("#")[0] ?? "";
    bySlug.set(slug, [...(bySlug.get(slug) ?? []), h]);
  }
  return [...bySlug.values()];
}

function groupList(hits: Hit[], query: ParsedQuery, q: string): HTMLOListElement {
  const list = el("ol", "sr-groups");
  for (const group of groups(hits)) {
    const first = group[0];
    if (!first) continue;
    const { doc } = first;
    const li = el("li", "sr-group");
    const h = el("h2", "sr-report");
    const a = el("a");
    a.href = doc.url.split("#")[0] ?? "/";
    a.append(marked(doc.report, query));
    h.append(a);
    const info = [doc.region, doc.year && `${doc.year} 年`, doc.kind].filter(Boolean).join(" · ");
    const hitsList = el("ul", "sr-hits");
    for (const hit of group.slice(0, HITS_SHOWN)) hitsList.append(hitItem(hit, query, q));
    if (group.length > HITS_SHOWN) {
      // Further sections of the same report wait behind a toggle, so one long report does not
      // push every other report down the page.
      const more = el("details", "sr-more");
      const rest = el("ul", "sr-hits");
      for (const hit of group.slice(HITS_SHOWN)) rest.append(hitItem(hit, query, q));
      more.append(el("summary", undefined, `本报告另有 ${group.length - HITS_SHOWN} 处`), rest);
      const item = el("li");
      item.append(more);
      hitsList.append(item);
    }
    li.append(h, el("p", "sr-info", info), hitsList);
    list.append(li);
  }
  return list;
}

type FacetCount = [value: string, count: number];
const byCount = (a: FacetCount, b: FacetCount) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN");
/** Years read as a timeline, newest first; other facets most frequent first. */
const FACET_ORDER: Partial<Record<Facet, (a: FacetCount, b: FacetCount) => number>> = {
  year: (a, b) => Number(b[0]) - Number(a[0]),
};

function facetControls(
  outcome: SearchOutcome,
  state: SearchState,
  onChange: (s: SearchState) => void,
): HTMLElement[] {
  const controls: HTMLElement[] = [];
  for (const facet of FACETS) {
    const counts = [...outcome.counts[facet].entries()];
    const selected = state.filters[facet];
    if (selected && !outcome.counts[facet].has(selected)) counts.push([selected, 0]);
    counts.sort(FACET_ORDER[facet] ?? byCount);
    if (counts.length === 0) continue;
    const group = el("div", "sr-facet");
    group.setAttribute("role", "group");
    const label = el("span", "sr-facet-label", FACET_LABELS[facet]);
    label.id = `sr-facet-${facet}`;
    group.setAttribute("aria-labelledby", label.id);
    group.append(label);
    for (const [value, count] of counts) {
      const on = selected === value;
      const b = el("button", "sr-chip");
      b.type = "button";
      b.setAttribute("aria-pressed", String(on));
      b.dataset.facet = facet;
      b.append(document.createTextNode(value), el("span", "sr-count", String(count)));
      b.addEventListener("click", () =>
        onChange({ ...state, filters: { ...state.filters, [facet]: on ? undefined : value } }),
      );
      group.append(b);
    }
    controls.push(group);
  }
  const sort = el("label", "sr-sort", "排序 ");
  const select = el("select");
  select.name = "sort";
  for (const [value, text] of [
    ["relevance", "按相关度"],
    ["date", "按日期（新→旧）"],
  ] as const) {
    const option = el("option", undefined, text);
    option.value = value;
    option.selected = state.sort === value;
    select.append(option);
  }
  select.addEventListener("change", () =>
    onChange({ ...state, sort: select.value === "date" ? "date" : "relevance" }),
  );
  sort.append(select);
  controls.push(sort);
  return controls;
}

export interface View {
  /**
   * Runs the search for a state and renders it; stale runs never overwrite newer ones. `pages`
   * is how many rounds of results to check (the "更多结果" button asks for one more).
   */
  show(state: SearchState, pages?: number): Promise<void>;
}

export function createView(els: ViewElements): View {
  let generation = 0;
  const view: View = {
    async show(state, pages = 1) {
      const mine = ++generation;
      if (!state.q.trim()) {
        els.status.textContent = "";
        els.facets?.element.replaceChildren();
        els.results.replaceChildren();
        return;
      }
      els.status.textContent = "正在搜索…";
      let answer: Answer;
      try {
        // Only the search page shows facets (and so asks for their counts).
        answer = await searchInWorker(state, pages, els.facets !== undefined);
      } catch {
        if (mine === generation) els.status.textContent = "搜索暂时不可用，请稍后重试。";
        return;
      }
      if (mine !== generation) return;
      const { outcome, query } = answer;
      const reports = groups(outcome.results).length;
      const more =
        outcome.total > outcome.results.length
          ? `（共约 ${outcome.total} 处，显示最相关的 ${outcome.results.length} 处）`
          : "";
      els.status.textContent = outcome.results.length
        ? `“${state.q}”：${reports} 篇报告中的 ${outcome.results.length} 个段落${more}`
        : `没有找到含有“${state.q}”的段落${outcome.related.length ? "，下面是只含部分词语的相关结果" : ""}`;
      const filtered = Object.values(state.filters).some(Boolean);
      if (els.facets) {
        const { element, onChange } = els.facets;
        element.replaceChildren(
          ...(outcome.results.length || filtered ? facetControls(outcome, state, onChange) : []),
        );
      }
      const parts: HTMLElement[] = [];
      if (outcome.results.length) parts.push(groupList(outcome.results, query, state.q));
      if (outcome.total > outcome.results.length) {
        const button = el("button", "button sr-next", "更多结果");
        button.type = "button";
        button.addEventListener("click", () => void view.show(state, pages + 1));
        parts.push(button);
      }
      if (outcome.related.length) {
        const details = el("details", "sr-related");
        details.open = outcome.results.length === 0;
        details.append(
          el("summary", undefined, `相关结果（${outcome.related.length}，只含部分词语）`),
          groupList(outcome.related, query, state.q),
        );
        parts.push(details);
      }
      els.results.replaceChildren(...parts);
      els.results.dataset.ready = String(mine);
    },
  };
  return view;
}
