// Arriving from a search result (…?hl=营商环境#section): marks the whole query (not its single
// characters) in the target section, scrolls to the first mark and offers to clear the marks.
import { matchRanges, normalizeWithMap } from "./search/match.ts";
import { parseQuery } from "./search/query.ts";

const SKIP = ".sr-only, .h-anchor";

/** Marks the query in one block: matches may span inline elements (a figure inside a sentence). */
function markIn(block: Element, query: ReturnType<typeof parseQuery>): HTMLElement[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const raw = nodes.map((n) => n.data).join("");
  const { text, offsets } = normalizeWithMap(raw);
  const ranges = matchRanges(text, query).map(
    (r) => [offsets[r.start] ?? 0, offsets[r.end] ?? raw.length] as const,
  );
  const marks: HTMLElement[] = [];
  // Wrap from the last range backwards so earlier offsets stay valid.
  for (const [start, end] of ranges.reverse()) {
    let at = 0;
    const pieces: Array<[Text, number, number]> = [];
    for (const node of nodes) {
      const from = Math.max(start, at);
      const to = Math.min(end, at + node.data.length);
      if (from < to) pieces.push([node, from - at, to - at]);
      at += node.data.length;
    }
    for (const [node, s, e] of pieces.reverse()) {
      const range = document.createRange();
      range.setStart(node, s);
      range.setEnd(node, e);
      const mark = document.createElement("mark");
      mark.className = "search-hl";
      range.surroundContents(mark);
      marks.unshift(mark);
    }
  }
  return marks;
}

function clear(marks: HTMLElement[], bar: HTMLElement): void {
  for (const mark of marks) mark.replaceWith(...mark.childNodes);
  bar.remove();
  const url = new URL(location.href);
  url.searchParams.delete("hl");
  history.replaceState(history.state, "", url);
}

const q = new URLSearchParams(location.search).get("hl") ?? "";
const query = parseQuery(q);
const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
const scope = target?.closest("section") ?? target ?? document.querySelector("main");
if (scope && query.terms.length) {
  const blocks = scope.querySelectorAll(".blk, .sec-h");
  const marks = [...(blocks.length ? blocks : [scope])].flatMap((b) => markIn(b, query));
  const bar = document.createElement("div");
  bar.className = "search-hl-bar";
  bar.setAttribute("role", "status");
  const label = document.createElement("span");
  label.textContent = marks.length
    ? `已标出“${query.text}”${marks.length} 处`
    : `本节未找到“${query.text}”的原文`;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button";
  button.textContent = "清除标记";
  button.addEventListener("click", () => clear(marks, bar));
  bar.append(label, button);
  document.body.append(bar);
  marks[0]?.scrollIntoView({ block: "center" });
}
