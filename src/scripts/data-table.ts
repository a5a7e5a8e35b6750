// Turns the static first page of /data/ into a view of every figure: loads /data/stats.json when
// the reader reaches for the controls (not on page load: with 100,000 figures it is megabytes),
// then filters, sorts and renders only the rows in view (a virtualised tbody between two spacer
// rows), so scrolling stays smooth at any size. With filters set, the CSV and JSON links download
// the rows shown, in the order shown. Report text only ever goes in via textContent.
import { statsCsv } from "../shared/data-csv.ts";
import {
  indicatorNames,
  type RowTuple,
  type RowView,
  rowFacets,
  type StatsDocument,
  viewRow,
} from "../shared/data-row.ts";

type Column = "region" | "year" | "indicator" | "kind" | "value" | "report";
const COLUMN_COUNT = 6;
const OVERSCAN = 12;
const collator = new Intl.Collator("zh-CN");

interface Table {
  doc: StatsDocument;
  names: Map<string, string>;
  /** Per row: what the text filter searches (lower-cased). */
  haystack: string[];
  /** Per row: display values the selects filter on. */
  region: string[];
  indicator: string[];
  kind: string[];
  year: Float64Array;
  /** Per row sort key of a column (collation ranks for text, numbers as they are), built on first use. */
  key: (column: Column) => Float64Array;
}

/** Rank of each value in Chinese collation order, so sorting compares numbers, not strings. */
function ranks(values: string[]): Float64Array {
  const order = [...new Set(values)].sort(collator.compare);
  const rank = new Map(order.map((v, i) => [v, i]));
  return Float64Array.from(values, (v) => rank.get(v) ?? 0);
}

function prepare(doc: StatsDocument): Table {
  const names = indicatorNames(doc);
  const n = doc.rows.length;
  const region: string[] = new Array(n);
  const indicator: string[] = new Array(n);
  const kind: string[] = new Array(n);
  const report: string[] = new Array(n);
  const haystack: string[] = new Array(n);
  const year = new Float64Array(n);
  const value = new Float64Array(n);
  doc.rows.forEach((row, i) => {
    const facets = rowFacets(doc, names, row);
    region[i] = facets.region;
    indicator[i] = facets.indicator;
    kind[i] = facets.kind;
    report[i] = doc.reports[row[0]]?.title ?? "";
    haystack[i] = `${region[i]} ${report[i]} ${indicator[i]} ${row[2] ?? ""}`.toLowerCase();
    year[i] = facets.year ?? -1;
    value[i] = row[7];
  });
  // Collating 100,000 labels takes a while; only the columns a reader sorts by pay for it.
  const keys = new Map<Column, Float64Array>();
  const build: Record<Column, () => Float64Array> = {
    region: () => ranks(region),
    year: () => year,
    indicator: () => ranks(indicator.map((name, i) => name || `\uffff${doc.rows[i]?.[2] ?? ""}`)),
    kind: () => ranks(kind),
    value: () => value,
    report: () => ranks(report),
  };
  const key = (column: Column) => {
    let k = keys.get(column);
    if (!k) {
      k = build[column]();
      keys.set(column, k);
    }
    return k;
  };
  return { doc, names, haystack, region, indicator, kind, year, key };
}

interface State {
  q: string;
  region: string;
  indicator: string;
  kind: string;
  year: string;
  sort: Column | "";
  desc: boolean;
}

/** What a reader can filter by (the rest of State is the sort). */
const FILTERS = ["q", "region", "indicator", "kind", "year"] as const;

function select(table: Table, s: State): Int32Array {
  const q = s.q.trim().toLowerCase();
  const year = s.year === "" ? null : Number(s.year);
  const out = new Int32Array(table.doc.rows.length);
  let n = 0;
  for (let i = 0; i < out.length; i++) {
    if (s.region && table.region[i] !== s.region) continue;
    if (s.indicator && table.indicator[i] !== s.indicator) continue;
    if (s.kind && table.kind[i] !== s.kind) continue;
    if (year !== null && table.year[i] !== year) continue;
    if (q && !table.haystack[i]?.includes(q)) continue;
    out[n++] = i;
  }
  const picked = out.slice(0, n);
  if (s.sort) {
    const key = table.key(s.sort);
    const dir = s.desc ? -1 : 1;
    // Ties keep reading order, so a sort by region still lists each report's figures in order.
    picked.sort((a, b) => ((key[a] as number) - (key[b] as number)) * dir || a - b);
  }
  return picked;
}

function cell(text: string, className?: string, href?: string, extra?: string): HTMLTableCellElement {
  const td = document.createElement("td");
  if (className) td.className = className;
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    td.append(a);
  } else td.textContent = text;
  if (extra) {
    const span = document.createElement("span");
    span.className = "dt-label";
    span.textContent = extra;
    td.append(span);
  }
  return td;
}

function rowElement(view: RowView, index: number): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.setAttribute("aria-rowindex", String(index + 2));
  tr.append(
    cell(view.region),
    cell(view.year),
    cell(view.indicator, undefined, undefined, view.label || undefined),
    cell(view.kind),
    cell(view.value, "num", view.href),
    cell(view.reportTitle, "dt-report", view.reportHref),
  );
  return tr;
}

function spacer(): { row: HTMLTableRowElement; cell: HTMLTableCellElement } {
  const row = document.createElement("tr");
  row.className = "dt-spacer";
  row.setAttribute("aria-hidden", "true");
  const td = document.createElement("td");
  td.colSpan = COLUMN_COUNT;
  row.append(td);
  return { row, cell: td };
}

const readState = (params: URLSearchParams): State => {
  const sort = params.get("sort") ?? "";
  const column = sort.replace(/^-/, "") as Column;
  return {
    q: params.get("q") ?? "",
    region: params.get("region") ?? "",
    indicator: params.get("indicator") ?? "",
    kind: params.get("kind") ?? "",
    year: params.get("year") ?? "",
    sort: ["region", "year", "indicator", "kind", "value", "report"].includes(column) ? column : "",
    desc: sort.startsWith("-"),
  };
};

function writeState(s: State): void {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (s[key]) params.set(key, s[key]);
  if (s.sort) params.set("sort", `${s.desc ? "-" : ""}${s.sort}`);
  const query = params.toString();
  history.replaceState(null, "", `${location.pathname}${query ? `?${query}` : ""}`);
}

function enhance(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>("[data-controls]");
  const status = root.querySelector<HTMLElement>("[data-status]");
  const scroller = root.querySelector<HTMLElement>("[data-scroll]");
  const tbody = root.querySelector<HTMLTableSectionElement>("[data-body]");
  const tableEl = root.querySelector("table");
  const headers = [...root.querySelectorAll<HTMLTableCellElement>("th[data-col]")];
  if (!form || !status || !scroller || !tbody || !tableEl) return;

  const state = readState(new URLSearchParams(location.search));
  let table: Table | undefined;
  let loading: Promise<Table | undefined> | undefined;
  let order: Int32Array = new Int32Array(0);
  let rowHeight = 0;
  let drawn = -1;
  const top = spacer();
  const bottom = spacer();
  const views = new Map<number, RowView>();

  const exports = exportsOf(() => (table ? { table, order, state } : undefined));

  const setStatus = (text: string) => {
    status.textContent = text;
  };

  const load = (): Promise<Table | undefined> => {
    loading ??= (async () => {
      setStatus("正在载入全部数据…");
      try {
        const response = await fetch(root.dataset.src ?? "/data/stats.json");
        if (!response.ok) throw new Error(String(response.status));
        table = prepare((await response.json()) as StatsDocument);
      } catch {
        setStatus("数据载入失败，请使用下方分页或下载 CSV。");
        return undefined;
      }
      // Every row is now a scroll away; the static pages' links would only leave the filtered view.
      document.querySelector<HTMLElement>("[data-pager]")?.setAttribute("hidden", "");
      scroller.classList.add("is-virtual");
      return table;
    })();
    return loading;
  };

  const view = (i: number): RowView => {
    let v = views.get(i);
    if (!v && table) {
      v = viewRow(table.doc, table.names, table.doc.rows[i] as RowTuple);
      views.set(i, v);
    }
    return v as RowView;
  };

  const draw = (force = false) => {
    if (!table) return;
    const height = scroller.clientHeight || 600;
    const first = rowHeight ? Math.max(0, Math.floor(scroller.scrollTop / rowHeight) - OVERSCAN) : 0;
    if (first === drawn && !force) return;
    drawn = first;
    const count = rowHeight ? Math.ceil(height / rowHeight) + 2 * OVERSCAN : 40;
    const last = Math.min(order.length, first + count);
    const rows: HTMLTableRowElement[] = [];
    for (let k = first; k < last; k++) rows.push(rowElement(view(order[k] as number), k));
    tbody.replaceChildren(top.row, ...rows, bottom.row);
    if (!rowHeight && rows[0]) {
      rowHeight = rows[0].getBoundingClientRect().height || 40;
      drawn = -1;
      draw(true);
      return;
    }
    top.cell.style.height = `${first * rowHeight}px`;
    bottom.cell.style.height = `${Math.max(0, (order.length - last) * rowHeight)}px`;
  };

  const apply = async () => {
    const t = await load();
    if (!t) return;
    const started = performance.now();
    order = select(t, state);
    for (const th of headers) {
      const col = th.dataset.col;
      if (col === state.sort) th.setAttribute("aria-sort", state.desc ? "descending" : "ascending");
      else th.setAttribute("aria-sort", "none");
    }
    tableEl.setAttribute("aria-rowcount", String(order.length + 1));
    scroller.scrollTop = 0;
    draw(true);
    writeState(state);
    const total = t.doc.rows.length.toLocaleString("zh-CN");
    setStatus(
      order.length === t.doc.rows.length
        ? `共 ${total} 项数据。`
        : `共 ${total} 项数据，筛选出 ${order.length.toLocaleString("zh-CN")} 项。`,
    );
    exports.update();
    root.dataset.ready = String(Math.round(performance.now() - started));
  };

  // Sort buttons in the column headers (keyboard-operable, announced through aria-sort).
  for (const th of headers) {
    const col = th.dataset.col as Column;
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent ?? "";
    th.replaceChildren(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      if (state.sort === col) state.desc = !state.desc;
      else {
        state.sort = col;
        state.desc = col === "value" || col === "year";
      }
      void apply();
    });
  }

  let typing: number | undefined;
  form.addEventListener("input", (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const key = target.name as (typeof FILTERS)[number];
    state[key] = target.value;
    window.clearTimeout(typing);
    typing = window.setTimeout(() => void apply(), target instanceof HTMLInputElement ? 150 : 0);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    Object.assign(state, { q: "", region: "", indicator: "", kind: "", year: "" });
    window.setTimeout(() => void apply(), 0);
  });
  // Load on the first sign of use, so a reader who only glances at page one never downloads it all.
  for (const type of ["pointerenter", "focusin", "touchstart"]) {
    form.addEventListener(
      type,
      () =>
        void load().then(() => {
          if (drawn < 0) void apply();
        }),
      {
        once: true,
        passive: true,
      },
    );
  }
  scroller.addEventListener("scroll", () => requestAnimationFrame(() => draw()), { passive: true });

  // A shared link's filters show in the controls.
  for (const key of FILTERS) {
    const control = form.elements.namedItem(key) as HTMLInputElement | HTMLSelectElement | null;
    if (control) control.value = state[key];
  }
  form.hidden = false;
  // A shared link with filters or a sort applies them at once.
  if (location.search) void apply();
}

/** A file name that says what was filtered: 数据-上街区-2023.csv. */
const exportName = (s: State, ext: string) =>
  `${["数据", ...FILTERS.map((k) => s[k].trim()).filter(Boolean)].join("-").replace(/[\\/:*?"<>|]/gu, "_")}.${ext}`;

/**
 * The export links: the whole table's files while nothing is filtered; otherwise, on click, a file
 * of the rows the reader sees (built then, not on every keystroke).
 */
function exportsOf(getView: () => { table: Table; order: Int32Array; state: State } | undefined): {
  update: () => void;
} {
  const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-export]")];
  const labels = new Map(links.map((a) => [a, a.textContent ?? ""]));
  const filtered = () => {
    const v = getView();
    return v && FILTERS.some((k) => v.state[k]) ? v : undefined;
  };
  for (const link of links) {
    link.addEventListener("click", (event) => {
      const v = filtered();
      if (!v) return;
      event.preventDefault();
      const doc = { ...v.table.doc, rows: Array.from(v.order, (i) => v.table.doc.rows[i] as RowTuple) };
      const csv = link.dataset.export === "csv";
      const site = document.querySelector<HTMLLinkElement>("link[rel=canonical]")?.href ?? location.href;
      const blob = csv
        ? new Blob([statsCsv(doc, site)], { type: "text/csv;charset=utf-8" })
        : new Blob([JSON.stringify(doc)], { type: "application/json" });
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = exportName(v.state, csv ? "csv" : "json");
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    });
  }
  return {
    update: () => {
      const v = filtered();
      for (const link of links) {
        const label = labels.get(link) ?? "";
        link.textContent = v ? `${label}（筛选出的 ${v.order.length.toLocaleString("zh-CN")} 项）` : label;
      }
    },
  };
}

const root = document.querySelector<HTMLElement>("[data-table]");
if (root) enhance(root);
