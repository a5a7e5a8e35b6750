// The compare page: reads ?a=…&b=…, fetches the two reports' digests the site publishes
// (/data/reports/<slug>.json), compares them (src/shared/compare.ts) and shows the result. Every
// piece of report text goes into the page as a text node: nothing in a report becomes markup.
import type { ReportDigest } from "../ingest/types.ts";
import {
  type Comparison,
  changeText,
  compareReports,
  type FigureRef,
  type SectionPair,
  type SentenceOp,
  type TargetPair,
} from "../shared/compare.ts";
import { type Comparable, previousReport } from "../shared/compare-links.ts";
import { indicatorName, valueText } from "../shared/data-row.ts";
import { reportTitle } from "../shared/report-title.ts";

type Child = Node | string | null | undefined | false;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

const form = document.querySelector<HTMLFormElement>("[data-compare-form]");
const status = document.querySelector<HTMLElement>("[data-compare-status]");
const result = document.querySelector<HTMLElement>("[data-compare-result]");
const swap = document.querySelector<HTMLButtonElement>("[data-compare-swap]");
// Indicator names by id, in the lexicon's order (an attribute: the CSP allows no inline script, data or not).
const names: Record<string, string> = JSON.parse(result?.dataset.indicators ?? "{}");
const order = Object.keys(names);

const reportHref = (slug: string) => `/reports/${encodeURIComponent(slug)}/`;
const anchor = (slug: string, id: string) => `${reportHref(slug)}#${encodeURIComponent(id)}`;

async function fetchDigest(slug: string): Promise<ReportDigest> {
  const response = await fetch(`/data/reports/${encodeURIComponent(slug)}.json`);
  if (!response.ok) throw new Error(`找不到报告“${slug}”。`);
  return (await response.json()) as ReportDigest;
}

const sideName = (d: ReportDigest) =>
  [d.meta.region, d.meta.year ? `${d.meta.year}年` : ""].filter(Boolean).join(" ") || reportTitle(d);

function figureCell(slug: string, f: FigureRef | null): HTMLTableCellElement {
  if (!f) return el("td", { class: "num" }, "—");
  const text = valueText(f.value, f.valueMax, f.unit);
  return el(
    "td",
    { class: "num" },
    el("a", { href: anchor(slug, f.statId), title: `原文：${f.text}` }, text),
  );
}

function heads(a: ReportDigest, b: ReportDigest): HTMLElement {
  const card = (side: string, d: ReportDigest) =>
    el(
      "li",
      {},
      el("span", { class: "compare-side" }, side),
      el("a", { href: reportHref(d.slug) }, reportTitle(d)),
      el(
        "span",
        { class: "compare-meta" },
        [d.meta.region, d.meta.year && `${d.meta.year} 年`, d.meta.kind].filter(Boolean).join(" · "),
      ),
    );
  return el("ul", { class: "compare-heads", "aria-label": "对比的两篇报告" }, card("A", a), card("B", b));
}

function figuresTable(c: Comparison, a: ReportDigest, b: ReportDigest): HTMLElement | null {
  const both = c.figures.filter((f) => f.a && f.b);
  const rows = [...both, ...c.figures.filter((f) => !(f.a && f.b))];
  if (!rows.length) return null;
  return el(
    "section",
    { "aria-labelledby": "cmp-figures" },
    el("h2", { id: "cmp-figures" }, "同一指标的数据"),
    el(
      "div",
      { class: "compare-scroll" },
      el(
        "table",
        { class: "compare-table" },
        el("caption", {}, `两篇报告各自回顾的实绩，按指标对齐；${both.length} 项两篇都有。数值链接到原文。`),
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", { scope: "col" }, "指标"),
            el("th", { scope: "col", class: "num" }, `A：${sideName(a)}`),
            el("th", { scope: "col", class: "num" }, `B：${sideName(b)}`),
            el("th", { scope: "col", class: "num" }, "变化"),
          ),
        ),
        el(
          "tbody",
          {},
          ...rows.map((f) =>
            el(
              "tr",
              {},
              el("th", { scope: "row" }, indicatorName(names[f.indicator] ?? f.indicator, f.measure)),
              figureCell(a.slug, f.a),
              figureCell(b.slug, f.b),
              el("td", { class: "num" }, changeText(f) || "—"),
            ),
          ),
        ),
      ),
    ),
  );
}

const targetName = (t: TargetPair) => {
  const [id, measure] = t.key.split(":");
  if (id !== "label" && id && names[id])
    return indicatorName(names[id], measure === "growth" ? "growth" : "level");
  return (t.b ?? t.a)?.label ?? "";
};

function targetsBlock(c: Comparison, a: ReportDigest, b: ReportDigest): HTMLElement {
  const table = (id: string, title: string, list: TargetPair[], empty: string) =>
    el(
      "div",
      { class: "compare-scroll" },
      el("h3", { id }, `${title}（${list.length}）`),
      list.length
        ? el(
            "table",
            { class: "compare-table", "aria-labelledby": id },
            el(
              "thead",
              {},
              el(
                "tr",
                {},
                el("th", { scope: "col" }, "目标"),
                el("th", { scope: "col", class: "num" }, "A"),
                el("th", { scope: "col", class: "num" }, "B"),
              ),
            ),
            el(
              "tbody",
              {},
              ...list.map((t) =>
                el(
                  "tr",
                  {},
                  el("th", { scope: "row" }, targetName(t)),
                  figureCell(a.slug, t.a),
                  figureCell(b.slug, t.b),
                ),
              ),
            ),
          )
        : el("p", {}, empty),
    );
  return el(
    "section",
    { "aria-labelledby": "cmp-targets" },
    el("h2", { id: "cmp-targets" }, "目标"),
    table("cmp-targets-new", "B 新提出的目标", c.targetsNew, "没有 A 未提出的目标。"),
    table("cmp-targets-dropped", "A 提出、B 不再提出的目标", c.targetsDropped, "A 的目标 B 都再次提出。"),
    table("cmp-targets-kept", "两篇都提出的目标", c.targetsKept, "没有两篇都提出的目标。"),
  );
}

const count = (diff: SentenceOp[], op: SentenceOp["op"]) => diff.filter((d) => d.op === op).length;

function diffList(diff: SentenceOp[]): HTMLElement {
  const items: HTMLElement[] = [];
  let same = 0;
  const flush = () => {
    if (same) items.push(el("li", { class: "same" }, `（${same} 句相同）`));
    same = 0;
  };
  for (const op of diff) {
    if (op.op === "same") {
      same++;
      continue;
    }
    flush();
    const del = (text: string) => el("del", {}, el("span", { class: "compare-tag" }, "A"), text);
    const ins = (text: string) => el("ins", {}, el("span", { class: "compare-tag" }, "B"), text);
    if (op.op === "changed") items.push(el("li", {}, del(op.a), ins(op.b)));
    else if (op.op === "removed") items.push(el("li", {}, del(op.a)));
    else items.push(el("li", {}, ins(op.b)));
  }
  flush();
  return el(
    "ol",
    { class: "compare-diff", "aria-label": "逐句差异：A 为删去或改写前，B 为新增或改写后" },
    ...items,
  );
}

function sectionItem(p: SectionPair, a: ReportDigest, b: ReportDigest): HTMLElement {
  if (p.kind === "only-a")
    return el(
      "li",
      { class: "compare-alone" },
      "仅见于 A：",
      el("a", { href: anchor(a.slug, p.a.id) }, p.a.heading),
    );
  if (p.kind === "only-b")
    return el(
      "li",
      { class: "compare-alone" },
      "仅见于 B：",
      el("a", { href: anchor(b.slug, p.b.id) }, p.b.heading),
    );
  const counts = `相同 ${count(p.diff, "same")} 句 · 改写 ${count(p.diff, "changed")} · 仅 A ${count(p.diff, "removed")} · 仅 B ${count(p.diff, "added")}`;
  const title = p.a.heading === p.b.heading ? p.b.heading : `${p.a.heading} ↔ ${p.b.heading}`;
  return el(
    "li",
    {},
    el(
      "details",
      {},
      el("summary", {}, title, el("span", { class: "compare-counts" }, counts)),
      el(
        "p",
        { class: "compare-counts" },
        el("a", { href: anchor(a.slug, p.a.id) }, "A 原文"),
        " · ",
        el("a", { href: anchor(b.slug, p.b.id) }, "B 原文"),
      ),
      diffList(p.diff),
    ),
  );
}

function render(a: ReportDigest, b: ReportDigest): void {
  if (!result || !status) return;
  const c = compareReports(a, b, order);
  const paired = c.sections.filter((s) => s.kind === "paired").length;
  const onlyA = c.sections.filter((s) => s.kind === "only-a").length;
  const onlyB = c.sections.filter((s) => s.kind === "only-b").length;
  result.replaceChildren(
    heads(a, b),
    el(
      "p",
      { "data-compare-summary": "" },
      `对齐 ${paired} 节，仅 A 有 ${onlyA} 节，仅 B 有 ${onlyB} 节；`,
      `${c.figures.filter((f) => f.a && f.b).length} 项指标两篇都有；B 新提出目标 ${c.targetsNew.length} 项，不再提出 ${c.targetsDropped.length} 项。`,
    ),
    figuresTable(c, a, b) ?? "",
    targetsBlock(c, a, b),
    el(
      "section",
      { "aria-labelledby": "cmp-sections" },
      el("h2", { id: "cmp-sections" }, "章节对照"),
      el("p", { class: "compare-counts" }, "按标题、主题和措辞对齐；展开一节看逐句差异。"),
      el("ol", { class: "compare-sections" }, ...c.sections.map((p) => sectionItem(p, a, b))),
    ),
  );
  status.textContent = "";
  document.title = `${sideName(a)} 与 ${sideName(b)} 对比 · 报告精读`;
  result.dataset.ready = "";
}

/** The reports of the page's list (A's select, grouped by region), as compare-links sees them. */
function listedReports(select: HTMLSelectElement): Comparable[] {
  return [...select.querySelectorAll("optgroup")].flatMap((group) =>
    [...group.querySelectorAll("option")].map((o) => ({
      slug: o.value,
      region: group.label,
      year: o.dataset.year ? Number(o.dataset.year) : null,
      kind: o.dataset.kind ?? null,
    })),
  );
}

async function show(): Promise<void> {
  if (!form || !status || !result) return;
  const params = new URLSearchParams(location.search);
  const b = params.get("b") ?? "";
  // "与上一年对比" names B only: A is its region's report of the nearest earlier year.
  const listed = listedReports(form.elements.namedItem("a") as HTMLSelectElement);
  const own = listed.find((r) => r.slug === b);
  const a = params.get("a") ?? (own && previousReport(own, listed)?.slug) ?? "";

  for (const [name, value] of [
    ["a", a],
    ["b", b],
  ] as const) {
    const select = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (select && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  delete result.dataset.ready;
  if (!a || !b) {
    result.replaceChildren();
    status.textContent =
      own && !params.has("a")
        ? "该地区没有更早年份的报告，请在 A 中选一篇对比。"
        : "选好两篇报告后点“对比”。";
    return;
  }
  status.textContent = "正在读取两篇报告……";
  try {
    const [da, db] = await Promise.all([fetchDigest(a), fetchDigest(b)]);
    render(da, db);
  } catch (error) {
    result.replaceChildren();
    status.textContent =
      error instanceof Error && error.message.startsWith("找不到")
        ? error.message
        : "读取报告失败，请稍后再试。";
  }
}

function go(a: string, b: string): void {
  const params = new URLSearchParams({ a, b });
  history.pushState(null, "", `${location.pathname}?${params}`);
  void show();
}

if (form) {
  // B's list is A's (the page carries it once).
  const a = form.elements.namedItem("a") as HTMLSelectElement | null;
  const b = form.elements.namedItem("b") as HTMLSelectElement | null;
  if (a && b) for (const group of a.querySelectorAll("optgroup")) b.append(group.cloneNode(true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go(String(data.get("a") ?? ""), String(data.get("b") ?? ""));
  });
  if (swap) {
    swap.hidden = false;
    swap.addEventListener("click", () => {
      const data = new FormData(form);
      go(String(data.get("b") ?? ""), String(data.get("a") ?? ""));
    });
  }
  window.addEventListener("popstate", () => void show());
  void show();
}
