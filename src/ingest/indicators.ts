// Canonical indicators: maps the many ways reports label a figure (全市生产总值, GDP增速 …)
// to one indicator from lexicon/indicators.json, and dates figures (review vs target year).
import { z } from "zod";
import { figureScope } from "./figure-scope.ts";
import lexicon from "./lexicon/indicators.json" with { type: "json" };
import { alternation } from "./text.ts";
import type { Section, SectionMode, Stat } from "./types.ts";

const lexiconSchema = z.object({
  prefixes: z.array(z.string().min(1)),
  /** Words shaped like place names (城镇, 园区) that qualify an indicator instead of naming a region. */
  notRegions: z.array(z.string().min(1)),
  growthSuffixes: z.array(z.string().min(1)),
  levelSuffixes: z.array(z.string().min(1)),
  /** Words that name several years (过去五年, “十三五”时期): with a total's word a figure sums them up. */
  spanYears: z.array(z.string().min(1)),
  /** Words that make a figure in their clause a total (累计, 共计 …) or an average over years (年均). */
  spanTotals: z.array(z.string().min(1)),
  averageWords: z.array(z.string().min(1)),
  /** The same for the years ahead (今后五年, “十五五”时期). */
  futureSpans: z.array(z.string().min(1)),
  /** Words that make a figure in a plan section a result already reached, not a goal (去年, 已). */
  lookBack: z.array(z.string().min(1)),
  indicators: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        name: z.string().min(1),
        unit: z.string().min(1),
        variants: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});

export type IndicatorMeasure = "level" | "growth";

export interface Indicator {
  id: string;
  name: string;
  /** Base unit of the level figure ("元", "%", "天" …). */
  unit: string;
  variants: readonly string[];
  /** "growth" when the label names the indicator's rate of change (地区生产总值增速). */
  measure: IndicatorMeasure;
}

/** Full-width ASCII to half-width, no spaces, upper-case Latin (ｇｄｐ → GDP), trailing punctuation off. */
function normalizeLabel(label: string): string {
  return label
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[：:，,。；;、]+$/u, "")
    .toUpperCase();
}

const data = lexiconSchema.parse(lexicon);

const PREFIXES = [...data.prefixes].sort((a, b) => b.length - a.length);
const GROWTH_SUFFIXES = [...data.growthSuffixes].sort((a, b) => b.length - a.length);
const LEVEL_SUFFIXES = [...data.levelSuffixes].sort((a, b) => b.length - a.length);
const LEADING_YEAR = /^(?:\d{4}年度?|上年|去年|今年|当年)/u;
const NOT_REGIONS = data.notRegions;
const PARENTHESES = /\([^()]*\)/gu;
// A place name standing before an indicator (郑州市生产总值, 中原区城镇居民人均可支配收入).
const REGION =
  /^[\u4e00-\u9fff]{1,12}?(?:自治区|自治州|自治县|新区|开发区|省|市|区|县|州|盟|旗|镇|乡|街道)$/u;

export const indicators: readonly Indicator[] = data.indicators.map((ind) =>
  Object.freeze({ ...ind, variants: Object.freeze([...ind.variants]), measure: "level" as const }),
);

const growthOf = new Map<string, Indicator>(
  indicators.map((ind) => [ind.id, Object.freeze({ ...ind, measure: "growth" as const })]),
);

const byVariant = new Map<string, Indicator>();
for (const ind of indicators) {
  for (const variant of [ind.name, ...ind.variants]) {
    const key = normalizeLabel(variant);
    const prev = byVariant.get(key);
    if (prev && prev.id !== ind.id) {
      throw new Error(`indicators.json: variant "${variant}" belongs to both ${prev.id} and ${ind.id}`);
    }
    byVariant.set(key, ind);
  }
}
// Longest first, so 人均生产总值 wins over 生产总值 in the containment rule.
const VARIANT_KEYS = [...byVariant.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
/** The variants by their last character, longest first: a label is only compared with those it could end in. */
const VARIANTS_BY_LAST = new Map<string, string[]>();
for (const key of VARIANT_KEYS) {
  const last = key.at(-1) ?? "";
  const list = VARIANTS_BY_LAST.get(last);
  if (list) list.push(key);
  else VARIANTS_BY_LAST.set(last, [key]);
}

export function indicatorById(id: string): Indicator | undefined {
  return indicators.find((ind) => ind.id === id);
}

function stripPrefixes(s: string): string {
  let out = s;
  for (let changed = true; changed; ) {
    changed = false;
    const year = out.match(LEADING_YEAR);
    if (year && year[0].length < out.length) {
      out = out.slice(year[0].length);
      changed = true;
    }
    for (const p of PREFIXES) {
      if (out.startsWith(p) && out.length > p.length) {
        out = out.slice(p.length);
        changed = true;
      }
    }
  }
  return out;
}

function stripSuffix(s: string, suffixes: readonly string[]): string | null {
  for (const suffix of suffixes) {
    if (s.endsWith(suffix) && s.length > suffix.length) return s.slice(0, -suffix.length).replace(/的$/u, "");
  }
  return null;
}

/** Exact lookup after prefix and bracket stripping, then the containment rule for place-name prefixes. */
function lookup(s: string): Indicator | undefined {
  const forms = [s, stripPrefixes(s)];
  const unbracketed = s.replace(PARENTHESES, "");
  if (unbracketed !== s && unbracketed.length > 0) forms.push(unbracketed, stripPrefixes(unbracketed));
  for (const form of forms) {
    const hit = byVariant.get(form);
    if (hit) return hit;
  }
  for (const form of forms) {
    for (const key of VARIANTS_BY_LAST.get(form.at(-1) ?? "") ?? []) {
      if (!form.endsWith(key) || form.length === key.length) continue;
      const before = form.slice(0, -key.length);
      const region = stripPrefixes(before.replace(/(?:全年|全区|全市|全县|全省)$/u, ""));
      const isRegion = (r: string) => REGION.test(r) && !NOT_REGIONS.some((w) => r.endsWith(w));
      if (isRegion(before) || isRegion(region) || stripPrefixes(`${before}X`) === "X")
        return byVariant.get(key);
    }
  }
  return undefined;
}

/**
 * The canonical indicator a stat label names, or null. Exact variant first, then region/year
 * prefixes (全区, 2022年 …) and level suffixes (总量 …) are stripped; a label ending in a growth
 * suffix (增速, 增长 …) yields the indicator with measure "growth". Only true synonyms map:
 * 财政收入 or 工业增加值 are broader than any indicator here and give null.
 */
export function canonicalIndicator(label: string | null): Indicator | null {
  if (label === null) return null;
  // Pure and asked again and again for the same labels (every figure of every report, several
  // pages over): remembered per label.
  let found = indicatorOfLabel.get(label);
  if (found === undefined) {
    found = indicatorOf(label);
    indicatorOfLabel.set(label, found);
  }
  return found;
}

const indicatorOfLabel = new Map<string, Indicator | null>();

function indicatorOf(label: string): Indicator | null {
  const s = normalizeLabel(label);
  if (s.length === 0) return null;

  const level = lookup(s);
  if (level) return level;
  // Labels cut just after 新 (增城镇就业 from 新增城镇就业) still name the indicator.
  const uncut = s.startsWith("增") ? lookup(`新${s}`) : undefined;
  if (uncut) return uncut;

  const withoutGrowth = stripSuffix(s, GROWTH_SUFFIXES);
  if (withoutGrowth !== null) {
    const base = lookup(withoutGrowth) ?? lookupLevel(withoutGrowth);
    return base ? (growthOf.get(base.id) ?? null) : null;
  }
  return lookupLevel(s) ?? null;
}

function lookupLevel(s: string): Indicator | undefined {
  const withoutLevel = stripSuffix(s, LEVEL_SUFFIXES);
  return withoutLevel === null ? undefined : lookup(withoutLevel);
}

/**
 * The year a figure refers to. A 2023 report reviews 2022 and sets targets for 2023: targets
 * (stat.kind "target" or stat.target) and figures in plan sections → reportYear; results in
 * review sections, or where the mode is unknown (most report figures are results) → reportYear − 1.
 * A year written at the start of the label (2021年地区生产总值) wins when it is plausible.
 */
export function figureYear(
  reportYear: number | undefined,
  stat: Stat,
  mode: SectionMode | undefined,
): number | undefined {
  if (reportYear === undefined) return undefined;
  const written = stat.label?.match(/^(\d{4})年/u);
  if (written?.[1]) {
    const year = Number(written[1]);
    if (year >= reportYear - 5 && year <= reportYear + 5) return year;
  }
  if (stat.kind === "target" || stat.target === true) return reportYear;
  if (mode === "plan") return reportYear;
  return reportYear - 1;
}

/** Kinds that say something other than the indicator's level or growth (its share, rank …). */
const OFF_MEASURE = new Set(["share", "rank", "multiple"]);

/**
 * Whether a stat measures its indicator's level or its growth: a growth label (地区生产总值增速),
 * a growth kind, or a percentage of an indicator that is not itself a percentage (增长6%).
 */
export function statMeasure(
  stat: Stat,
  indicatorUnit: string,
  labelMeasure: IndicatorMeasure,
): IndicatorMeasure | null {
  if (OFF_MEASURE.has(stat.kind)) return null;
  if (labelMeasure === "growth" || stat.kind === "growth") return stat.unit === "%" ? "growth" : null;
  if (stat.unit === indicatorUnit) return "level";
  return stat.unit === "%" ? "growth" : null;
}

const anyOf = (words: readonly string[]) => new RegExp(alternation(words), "u");
const SPAN_YEARS = anyOf(data.spanYears);
const SPAN_TOTAL = anyOf(data.spanTotals);
const AVERAGE = anyOf(data.averageWords);
const FUTURE_SPAN = anyOf(data.futureSpans);
const LOOK_BACK = anyOf(data.lookBack);
const YEARS_IN_SPAN: Record<string, number> = { 三: 3, 3: 3, 五: 5, 5: 5, 十: 10 };

/** The sentence a figure stands in, up to the figure, and the clause of it (since the last comma). */
function sentenceUpTo(text: string, start: number): string {
  const head = text.slice(Math.max(0, start - 200), start);
  const end = Math.max(...[..."。！？；"].map((c) => head.lastIndexOf(c)));
  return head.slice(end + 1);
}

const clauseOf = (sentence: string) =>
  sentence.slice(Math.max(...[..."，,："].map((c) => sentence.lastIndexOf(c))) + 1);

/**
 * The years a figure totals or averages over ("五年累计1.6万亿元", "年均增长10.6%", "今后五年…年均"):
 * such a figure is never one year's result. A total needs its word in the figure's clause and the
 * years in its sentence; past spans end the year before the report, and in a plan section, or
 * with words for the years ahead, the span starts with the report's year.
 */
export function figureSpan(
  reportYear: number | undefined,
  sentence: string,
  mode: SectionMode | undefined,
): { from: number; to: number } | undefined {
  if (reportYear === undefined) return undefined;
  const clause = clauseOf(sentence);
  const years = SPAN_YEARS.exec(sentence)?.[0];
  const future = FUTURE_SPAN.exec(sentence)?.[0];
  // "近三年累计，单位国内生产总值能耗下降…": a short lead-in makes the whole sentence a total.
  const lead = sentence.split(/[，,：]/u)[0] ?? "";
  const total = SPAN_TOTAL.test(clause) || (lead.length <= 8 && SPAN_TOTAL.test(lead));
  if (!AVERAGE.test(clause) && !(total && (years || future))) return undefined;
  const count = YEARS_IN_SPAN[/[三五十35]/u.exec(future ?? years ?? "")?.[0] ?? "五"] ?? 5;
  if (future || mode === "plan") return { from: reportYear, to: reportYear + count - 1 };
  return { from: reportYear - count, to: reportYear - 1 };
}

/** A figure in a plan section is a goal, unless its sentence looks back at a result (去年, 已). */
export function isPlanTarget(sentence: string, mode: SectionMode | undefined): boolean {
  return mode === "plan" && !LOOK_BACK.test(sentence);
}

/**
 * The figure annotation stage: each stat's canonical indicator, whether it is that indicator's
 * level or growth, the year it refers to and its scope (bound, fall, several years), stored on the stat.
 */
export function annotateFigures(stats: Stat[], sections: Section[], reportYear: number | undefined): Stat[] {
  const blockOf = new Map<string, { text: string; mode: SectionMode | undefined }>();
  for (const section of sections) {
    for (const block of section.blocks) blockOf.set(block.id, { text: block.text, mode: section.mode });
  }
  return stats.map((stat) => {
    const out = { ...stat };
    const block = blockOf.get(stat.blockId);
    const sentence = block ? sentenceUpTo(block.text, stat.start) : "";
    if (isPlanTarget(sentence, block?.mode)) out.target = true;
    const span = figureSpan(reportYear, sentence, block?.mode);
    const year = span ? undefined : figureYear(reportYear, out, block?.mode);
    if (span) out.span = span;
    if (year !== undefined) out.year = year;
    // How it binds, a fall, and several years: a span (the years known) is one of those.
    Object.assign(out, figureScope(stat, block?.text ?? "", year), span ? { multiYear: true } : {});
    const indicator = canonicalIndicator(stat.label);
    if (indicator) {
      out.indicator = indicator.id;
      // A total or an average over years is no point in the indicator's yearly series.
      const measure = out.multiYear ? null : statMeasure(stat, indicator.unit, indicator.measure);
      if (measure) out.measure = measure;
    }
    return out;
  });
}
