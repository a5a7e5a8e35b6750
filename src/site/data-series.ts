// Figures over the years: for each region and canonical indicator, one value per year for the
// results and one for the targets, picked from all reports that state it.
import type { IndicatorRef, Measure, ReportRef, RowTuple, StatsDocument } from "../shared/data-row.ts";
import { figureHref, valueText } from "../shared/data-row.ts";

export interface SeriesPoint {
  year: number;
  value: number;
  valueMax: number | null;
  text: string;
  href: string;
  source: string;
}

export interface Series {
  region: string;
  indicator: IndicatorRef;
  measure: Measure;
  unit: string;
  results: SeriesPoint[];
  targets: SeriesPoint[];
}

/**
 * How well a report speaks for a year: a result is best taken from the next year's report (which
 * reviews it), a target from the same year's report (which sets it); anything else comes after.
 */
const authority = (report: ReportRef, year: number, target: boolean) =>
  report.year === (target ? year : year + 1) ? 0 : 1;

interface Candidate {
  row: RowTuple;
  rank: number;
}

/** One series per region × indicator × measure for the rows `keep` accepts, in lexicon order. */
export function collectSeries(
  doc: StatsDocument,
  keep: (report: ReportRef) => boolean = () => true,
): Series[] {
  const byIndicator = new Map(doc.indicators.map((i, order) => [i.id, { ref: i, order }]));
  const slots = new Map<string, Map<string, Candidate>>();
  for (const row of doc.rows) {
    const [reportIndex, year, , indicator, measure, , target] = row;
    const report = doc.reports[reportIndex];
    if (!report?.region || year === null || !indicator || !measure || !keep(report)) continue;
    const key = `${report.region}\u0000${indicator}\u0000${measure}`;
    const slot = `${year}:${target}`;
    const rank = authority(report, year, target === 1);
    const points = slots.get(key) ?? new Map<string, Candidate>();
    slots.set(key, points);
    const current = points.get(slot);
    // Rows come in reading order; a tie keeps the first (usually the headline) statement.
    if (!current || rank < current.rank) points.set(slot, { row, rank });
  }

  const series: Series[] = [];
  for (const [key, points] of slots) {
    const [region = "", id = "", measure = "level"] = key.split("\u0000");
    const indicator = byIndicator.get(id);
    if (!indicator) continue;
    const picked = [...points.values()].map((p) => p.row).sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
    const toPoint = (row: RowTuple): SeriesPoint => {
      const report = doc.reports[row[0]] as ReportRef;
      return {
        year: row[1] as number,
        value: row[7],
        valueMax: row[8],
        text: valueText(row[7], row[8], row[9]),
        href: figureHref(report, row[10]),
        source: report.title,
      };
    };
    series.push({
      region,
      indicator: indicator.ref,
      measure: measure as Measure,
      unit: measure === "growth" ? "%" : indicator.ref.unit,
      results: picked.filter((r) => r[6] === 0).map(toPoint),
      targets: picked.filter((r) => r[6] === 1).map(toPoint),
    });
  }
  const order = (s: Series) =>
    (byIndicator.get(s.indicator.id)?.order ?? 0) * 2 + (s.measure === "growth" ? 1 : 0);
  return series.sort((a, b) => order(a) - order(b) || a.region.localeCompare(b.region, "zh-CN"));
}

export interface YearRow {
  year: number;
  result?: SeriesPoint;
  target?: SeriesPoint;
}

/** Results and targets side by side, one row per year (the table beside a chart). */
export function yearRows(series: Pick<Series, "results" | "targets">): YearRow[] {
  const rows = new Map<number, YearRow>();
  for (const p of series.results) rows.set(p.year, { ...rows.get(p.year), year: p.year, result: p });
  for (const p of series.targets) rows.set(p.year, { ...rows.get(p.year), year: p.year, target: p });
  return [...rows.values()].sort((a, b) => a.year - b.year);
}
