// The /search/ page: pagefind results grouped by report, each section hit linking to its anchor.
// The query lives in the URL (?q=…) so searches can be shared and reloaded.

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}
interface Pagefind {
  init(): Promise<void>;
  search(q: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const form = document.querySelector<HTMLFormElement>("[data-search-form]");
const input = document.querySelector<HTMLInputElement>("[data-search-input]");
const statusLine = document.querySelector<HTMLElement>("[data-search-status]");
const list = document.querySelector<HTMLOListElement>("[data-search-results]");

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  const url = "/pagefind/pagefind.js";
  pagefind ??= import(/* @vite-ignore */ url).then(async (m: Pagefind) => {
    await m.init();
    return m;
  });
  return pagefind;
}

/** Pagefind excerpts are HTML with <mark>; rebuild them as text + <mark> nodes, nothing else. */
function excerptNode(excerpt: string): HTMLParagraphElement {
  const p = document.createElement("p");
  const parts = excerpt.split(/<mark>|<\/mark>/);
  const decode = (s: string) =>
    new DOMParser().parseFromString(s, "text/html").documentElement.textContent ?? "";
  parts.forEach((part, i) => {
    const text = document.createTextNode(decode(part));
    if (i % 2 === 1) {
      const mark = document.createElement("mark");
      mark.append(text);
      p.append(mark);
    } else p.append(text);
  });
  return p;
}

function hitLink(url: string, title: string, query: string): HTMLAnchorElement {
  const a = document.createElement("a");
  const target = new URL(url, location.origin);
  target.searchParams.set("hl", query);
  a.href = target.pathname + target.search + target.hash;
  a.textContent = title;
  return a;
}

let generation = 0;
async function run(query: string): Promise<void> {
  if (!statusLine || !list) return;
  const mine = ++generation;
  list.replaceChildren();
  if (!query) {
    statusLine.textContent = "";
    return;
  }
  statusLine.textContent = "正在搜索…";
  const pf = await loadPagefind();
  const search = await pf.search(query);
  const pages = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
  if (mine !== generation) return;
  statusLine.textContent = pages.length
    ? `找到 ${search.results.length} 篇报告`
    : `没有找到与“${query}”相关的内容`;
  for (const page of pages) {
    const li = document.createElement("li");
    const h = document.createElement("h2");
    h.className = "result-title";
    h.append(hitLink(page.url, page.meta.title ?? page.url, query));
    const hits = document.createElement("ul");
    hits.className = "result-hits";
    const subs = page.sub_results.length
      ? page.sub_results
      : [{ title: page.meta.title ?? "", url: page.url, excerpt: page.excerpt }];
    for (const sub of subs.slice(0, 4)) {
      const item = document.createElement("li");
      item.append(hitLink(sub.url, sub.title, query), excerptNode(sub.excerpt));
      hits.append(item);
    }
    li.append(h, hits);
    list.append(li);
  }
}

if (form && input) {
  const initial = new URLSearchParams(location.search).get("q") ?? "";
  input.value = initial;
  void run(initial);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    history.pushState(null, "", url);
    void run(q);
  });
  addEventListener("popstate", () => {
    const q = new URLSearchParams(location.search).get("q") ?? "";
    input.value = q;
    void run(q);
  });
}
