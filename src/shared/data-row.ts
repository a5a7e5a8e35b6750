// The figures table as it travels: one compact JSON document (/data/stats.json) that the static
// pages, the CSV export and the in-page table script all read through the same view functions, so
// a row looks the same in HTML, in Excel and after filtering in the browser.
import { formatValue, kindLabel } from "./format.ts";

export type Measure = "level" | "growth";

export interface ReportRef {
  slug: string;
  title: string;
  region: string | null;
  /** The year the report was delivered. */
  year: number | null;
  kind: string | null;
  date: string | null;
  href: string;
}

export interface IndicatorRef {
  id: string;
  name: string;
  unit: string;
}

/**
 * One figure: [report index, figure year, label, indicator id, measure, kind, target (0/1), value,
 * valueMax, unit, stat id]. Tuples keep 100,000 rows to a few megabytes (no repeated keys).
 */
export type RowTuple = [
  report: number,
  year: number | null,
  label: string | null,
  indicator: string | null,
  measure: Measure | null,
  kind: string,
  target: 0 | 1,
  value: number,
  valueMax: number | null,
  unit: string,
  stat: string,
];

export const COLUMNS = [
  "report",
  "year",
  "label",
  "indicator",
  "measure",
  "kind",
  "target",
  "value",
  "valueMax",
  "unit",
  "stat",
] as const;

export interface StatsDocument {
  version: 1;
  columns: typeof COLUMNS;
  reports: ReportRef[];
  indicators: IndicatorRef[];
  rows: RowTuple[];
}

/** A row as a reader sees it, in every output format. */
export interface RowView {
  region: string;
  reportTitle: string;
  reportHref: string;
  /** Year the figure refers to (a 2023 report's review figures are 2022's). */
  year: string;
  /** The canonical indicator name (地区生产总值, 地区生产总值增速), else the report's own label. */
  indicator: string;
  /** The report's own label when it differs from the indicator name. */
  label: string;
  kind: string;
  value: string;
  /** Link to the figure's anchor in its report. */
  href: string;
}

const NONE = "—";

export function indicatorName(name: string, measure: Measure | null): string {
  return measure === "growth" ? `${name}增速` : name;
}

export function valueText(value: number, valueMax: number | null, unit: string): string {
  return valueMax === null
    ? formatValue(value, unit)
    : `${formatValue(value, unit)}–${formatValue(valueMax, unit)}`;
}

export const figureHref = (report: ReportRef, statId: string) => `${report.href}#${statId}`;

export function viewRow(
  doc: Pick<StatsDocument, "reports">,
  names: Map<string, string>,
  row: RowTuple,
): RowView {
  const [reportIndex, year, label, indicator, measure, kind, target, value, valueMax, unit, stat] = row;
  const report = doc.reports[reportIndex];
  if (!report) throw new Error(`stats row points at missing report ${reportIndex}`);
  const name = indicator ? names.get(indicator) : undefined;
  const shown = name ? indicatorName(name, measure) : (label ?? NONE);
  return {
    region: report.region ?? NONE,
    reportTitle: report.title,
    reportHref: report.href,
    year: year === null ? NONE : String(year),
    indicator: shown,
    label: label && label !== shown ? label : "",
    kind: kindLabel({ kind: kind as never, target: target === 1 }),
    value: valueText(value, valueMax, unit),
    href: figureHref(report, stat),
  };
}

export const indicatorNames = (doc: Pick<StatsDocument, "indicators">) =>
  new Map(doc.indicators.map((i) => [i.id, i.name]));

/** What the table's selects filter a row by (the same strings in the page and in the script). */
export interface RowFacets {
  region: string;
  /** Canonical indicator with its measure, "" for a figure without one. */
  indicator: string;
  kind: string;
  year: number | null;
}

export function rowFacets(
  doc: Pick<StatsDocument, "reports">,
  names: Map<string, string>,
  row: RowTuple,
): RowFacets {
  const [reportIndex, year, , indicator, measure, kind, target] = row;
  const name = indicator ? names.get(indicator) : undefined;
  return {
    region: doc.reports[reportIndex]?.region ?? NONE,
    indicator: name ? indicatorName(name, measure) : "",
    kind: kindLabel({ kind: kind as never, target: target === 1 }),
    year,
  };
}

export interface FacetOptions {
  region: string[];
  indicator: string[];
  kind: string[];
  year: string[];
}

/** The options of each select: every value present, in Chinese collation order (years newest first). */
export function facetOptions(doc: StatsDocument): FacetOptions {
  const names = indicatorNames(doc);
  const sets = {
    region: new Set<string>(),
    indicator: new Set<string>(),
    kind: new Set<string>(),
    year: new Set<number>(),
  };
  for (const row of doc.rows) {
    const f = rowFacets(doc, names, row);
    sets.region.add(f.region);
    if (f.indicator) sets.indicator.add(f.indicator);
    sets.kind.add(f.kind);
    if (f.year !== null) sets.year.add(f.year);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b, "zh-CN"));
  return {
    region: sorted(sets.region),
    indicator: sorted(sets.indicator),
    kind: sorted(sets.kind),
    year: [...sets.year].sort((a, b) => b - a).map(String),
  };
}
