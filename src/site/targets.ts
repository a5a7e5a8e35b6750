// Promise tracking: each target a region set for year N (预期目标: 增长6%左右, 10%以上, 区间) paired
// with the result for that indicator reported in the region's report of year N+1, and judged
// 达成 / 未达成 / 无数据 by a rule each row states. Build-time, pure: digests in, rows out; the
// region pages and /data/targets.{csv,json} only show the rows.
import type { ReportDigest, Stat } from "../ingest/types.ts";
import { BOM, csvLine } from "../shared/data-csv.ts";
import type { ReportRef } from "../shared/data-row.ts";
import { figureHref, indicatorName, valueText } from "../shared/data-row.ts";
import { formatValue, trimNumber } from "../shared/format.ts";
import { catalogIndicator } from "./indicator-catalog.ts";
import rules from "./target-rules.json" with { type: "json" };

const CEILINGS = new Set<string>(rules.ceilingIndicators);

export type Verdict = "达成" | "未达成" | "无数据";

/** 左右 allows this much short of the target: percentage points for rates, a share of the target otherwise. */
export const TOLERANCE = { points: 0.5, share: 0.05 } as const;

export const TOLERANCE_TEXT = `“左右”允许差 ${TOLERANCE.points} 个百分点（百分比指标）或目标值的 ${TOLERANCE.share * 100}%（其他指标）`;

export interface TrackedFigure {
  /** As printed ("6%"). */
  text: string;
  /** As the site writes it ("6%–6.5%", "−3%" for a fall). */
  shown: string;
  /** Signed: a fall is negative. */
  value: number;
  valueMax: number | null;
  unit: string;
  href: string;
  source: string;
}

export interface TargetTrack {
  region: string;
  /** The year the target was set for. */
  year: number;
  indicator: string;
  measure: "level" | "growth";
  name: string;
  target: TrackedFigure & { bound: Stat["bound"] | null };
  result: TrackedFigure | null;
  verdict: Verdict;
  /** The rule applied, or why there is nothing to judge by. */
  rule: string;
}

export interface TrackedListing {
  digest: ReportDigest;
  ref: ReportRef;
}

const isTarget = (s: Stat) => s.target === true || s.kind === "target";
const signed = (s: Stat, v: number) => (s.decline ? -v : v);
const isRate = (unit: string) => unit === "%" || unit === "‰" || unit === "个百分点";

function tracked(stat: Stat, ref: ReportRef): TrackedFigure {
  const value = signed(stat, stat.value);
  const valueMax = stat.valueMax === undefined ? null : signed(stat, stat.valueMax);
  return {
    text: stat.text,
    shown: valueText(value, valueMax, stat.unit),
    value,
    valueMax,
    unit: stat.unit,
    href: figureHref(ref, stat.id),
    source: ref.title,
  };
}

const show = (v: number, unit: string) => formatValue(v, unit);

/**
 * The verdict on `result` for `target` and the rule that gave it. Higher is better unless the
 * target is a ceiling (以内, 不超过, or a price or unemployment indicator); for a fall (下降3%) the signed values turn that round. A
 * range is met at its nearer end; 左右 by the tolerance.
 */
export function judge(
  target: Pick<TrackedFigure, "value" | "valueMax" | "unit"> & {
    bound: Stat["bound"] | null;
    decline: boolean;
    /** The indicator is kept down (target-rules.json: prices, unemployment). */
    ceiling: boolean;
  },
  result: Pick<TrackedFigure, "value" | "unit">,
): { verdict: Verdict; rule: string } {
  const { unit } = target;
  if (result.unit !== unit)
    return { verdict: "无数据", rule: `单位不同（目标 ${unit}，实绩 ${result.unit}），无法比较` };
  const ceiling = target.bound === "max" || target.ceiling;
  // up: a higher (signed) result is the better one.
  const up = ceiling === target.decline;
  const ends = target.valueMax === null ? [target.value] : [target.value, target.valueMax];
  let line = up ? Math.min(...ends) : Math.max(...ends);
  let how = target.valueMax === null ? "" : "（区间取较易达到的一端）";
  if (target.bound === "about" && target.valueMax === null) {
    const tol = isRate(unit) ? TOLERANCE.points : Math.abs(target.value) * TOLERANCE.share;
    line = up ? line - tol : line + tol;
    how = isRate(unit)
      ? `（“左右”允许差 ${TOLERANCE.points} 个百分点）`
      : `（“左右”允许差目标的 ${TOLERANCE.share * 100}%）`;
  }
  const met = up ? result.value >= line - 1e-9 : result.value <= line + 1e-9;
  const edge = show(Number(trimNumber(line)), unit);
  const rule = up ? `实绩不低于 ${edge} 即达成${how}` : `实绩不高于 ${edge} 即达成${how}`;
  return { verdict: met ? "达成" : "未达成", rule };
}

/**
 * Every region's targets with a canonical indicator, each paired with the result for its year
 * from the region's reports of the next year (the one that reviews it). One row per region,
 * indicator, measure and year: the first target stated in a report of that year (of the first
 * report in the given order when several set one). Figures covering several years (五年累计,
 * 十四五 plans) are neither targets of a year nor its results.
 */
export function trackTargets(listings: readonly TrackedListing[]): TargetTrack[] {
  const key = (region: string, indicator: string, measure: string, year: number) =>
    `${region}\u0000${indicator}\u0000${measure}\u0000${year}`;
  const targets = new Map<string, { stat: Stat; ref: ReportRef }>();
  const results = new Map<string, { stat: Stat; ref: ReportRef }>();
  const reportYears = new Set<string>();
  for (const { digest, ref } of listings) {
    const region = ref.region;
    if (!region) continue;
    if (ref.year !== null) reportYears.add(`${region}\u0000${ref.year}`);
    for (const stat of digest.stats) {
      if (!stat.indicator || !stat.measure || stat.year === undefined || stat.multiYear) continue;
      const k = key(region, stat.indicator, stat.measure, stat.year);
      if (isTarget(stat)) {
        // A target is the year's own report's (a later report quoting it is not setting it).
        if (ref.year === stat.year && !targets.has(k)) targets.set(k, { stat, ref });
      } else if (ref.year === stat.year + 1 && !results.has(k)) results.set(k, { stat, ref });
    }
  }
  const rows: TargetTrack[] = [];
  for (const [k, { stat, ref }] of targets) {
    const [region = "", indicator = "", measure = "level", yearText = "0"] = k.split("\u0000");
    const year = Number(yearText);
    const target = { ...tracked(stat, ref), bound: stat.bound ?? null };
    const found = results.get(k);
    const result = found ? tracked(found.stat, found.ref) : null;
    const judged = result
      ? judge({ ...target, decline: stat.decline === true, ceiling: CEILINGS.has(indicator) }, result)
      : {
          verdict: "无数据" as const,
          rule: reportYears.has(`${region}\u0000${year + 1}`)
            ? `${year + 1} 年的报告未报告该指标 ${year} 年的实绩`
            : `尚无 ${region} ${year + 1} 年的报告`,
        };
    rows.push({
      region,
      year,
      indicator,
      measure: measure as "level" | "growth",
      name: indicatorName(catalogIndicator(indicator)?.name ?? indicator, measure as "level" | "growth"),
      target,
      result,
      ...judged,
    });
  }
  return rows.sort(
    (a, b) =>
      a.region.localeCompare(b.region, "zh-CN") || b.year - a.year || a.name.localeCompare(b.name, "zh-CN"),
  );
}

export const TARGETS_CSV_HEADER = [
  "地区",
  "目标年份",
  "指标",
  "目标",
  "目标原文",
  "实绩",
  "判定",
  "规则",
  "目标出处",
  "目标链接",
  "实绩出处",
  "实绩链接",
];

/** The tracked targets as CSV (UTF-8 with BOM for Excel); `site` makes the links absolute. */
export function targetsCsv(rows: readonly TargetTrack[], site: string): string {
  const origin = site.replace(/\/$/, "");
  let out = BOM + csvLine(TARGETS_CSV_HEADER);
  for (const r of rows)
    out += csvLine([
      r.region,
      r.year,
      r.name,
      r.target.shown,
      r.target.text,
      r.result?.shown ?? "",
      r.verdict,
      r.rule,
      r.target.source,
      origin + r.target.href,
      r.result?.source ?? "",
      r.result ? origin + r.result.href : "",
    ]);
  return out;
}

/** The tracked targets as JSON, with the tolerance 左右 is judged by. */
export const targetsJson = (rows: readonly TargetTrack[]) =>
  JSON.stringify({ version: 1, tolerance: { ...TOLERANCE, text: TOLERANCE_TEXT }, rows });
