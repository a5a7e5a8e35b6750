// The figures table as CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads
// the file as the local ANSI code page and shows mojibake for Chinese), CRLF line ends and RFC 4180
// quoting. Cells a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with ' .
import { indicatorNames, type StatsDocument, viewRow } from "./data-row.ts";

export const BOM = "\uFEFF";

export const CSV_HEADER = [
  "地区",
  "报告",
  "报告年份",
  "数据年份",
  "指标",
  "原文标签",
  "类型",
  "数值",
  "上限",
  "单位",
  "读作",
  "链接",
];

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?(?:\s?[%‰\u4e00-\u9fff]{1,4})?$/u;

export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: ReadonlyArray<string | number | null>) =>
  `${cells.map(csvCell).join(",")}\r\n`;

/**
 * The whole table a line at a time (the streamed /data/stats.csv body: 98 MB at 2,500 reports);
 * `site` makes the figure links absolute so they work from a spreadsheet.
 */
export function* statsCsvPieces(doc: StatsDocument, site: string): Generator<string> {
  const names = indicatorNames(doc);
  // Figure links are root-relative ("/reports/…#s-…"): the origin in front is what URL resolution
  // would give, without parsing a URL per row (175,000 rows at 1,000 reports).
  const origin = new URL(site).origin;
  const absolute = (href: string) => (href.startsWith("/") ? origin + href : new URL(href, site).href);
  yield BOM + csvLine(CSV_HEADER);
  for (const row of doc.rows) {
    const view = viewRow(doc, names, row);
    const report = doc.reports[row[0]];
    yield csvLine([
      view.region,
      view.reportTitle,
      report?.year ?? null,
      row[1],
      view.indicator,
      row[2],
      view.kind,
      row[7],
      row[8],
      row[9],
      view.value,
      absolute(view.href),
    ]);
  }
}

/** The whole table as one text (the /data/ page's download of the rows shown). */
export const statsCsv = (doc: StatsDocument, site: string): string => [...statsCsvPieces(doc, site)].join("");
