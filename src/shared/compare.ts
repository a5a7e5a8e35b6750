// Two reports side by side (the /compare/ page, in the browser): their sections aligned by
// heading, topic and wording, a sentence-level diff of each aligned pair, the figures of the same
// indicator with the change, and the targets only one of them sets. Pure: digests in, a plain
// description out; the page script renders it as text.
import type { ReportDigest, Section, Stat } from "../ingest/types.ts";
import { formatValue, trimNumber } from "./format.ts";

/** Overlapping character pairs of `text`, punctuation and spaces dropped. */
function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) out.add(chars[0] ?? "");
  return out;
}

/** Dice similarity of two bigram sets (0–1). */
function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return (2 * common) / (a.size + b.size);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  const common = b.filter((x) => set.has(x)).length;
  return common / (a.length + b.length - common);
}

/** A heading without its number or years (一、, （二）, 2023年), which differ from year to year. */
const headingCore = (heading: string | null) =>
  (heading ?? "")
    .replace(/^[\s（(]*[一二三四五六七八九十百\d]+[、.．)）]\s*/u, "")
    .replace(/\d{4}\s*年/gu, "");

const sectionText = (section: Section) => section.blocks.map((b) => b.text).join("\n");

interface Side {
  section: Section;
  index: number;
  heading: Set<string>;
  text: Set<string>;
}

const side = (sections: readonly Section[]): Side[] =>
  sections
    .map((section, index) => ({
      section,
      index,
      heading: bigrams(headingCore(section.heading)),
      text: bigrams(sectionText(section)),
    }))
    .filter((s) => s.section.blocks.length > 0);

/** How alike two sections are: their headings, then their topics, then their wording. */
function sectionScore(a: Side, b: Side): number {
  const score =
    0.45 * dice(a.heading, b.heading) +
    0.3 * jaccard(a.section.topics ?? [], b.section.topics ?? []) +
    0.25 * dice(a.text, b.text);
  // A review section answers a review section, a plan a plan.
  const modes = a.section.mode && b.section.mode && a.section.mode !== b.section.mode;
  return modes ? score * 0.7 : score;
}

/** Sections that score below this stay unpaired: two unrelated sections are not a change. */
export const SECTION_MATCH = 0.22;

export type SentenceOp =
  | { op: "same"; text: string }
  | { op: "changed"; a: string; b: string }
  | { op: "removed"; a: string }
  | { op: "added"; b: string };

/** Sentences of a text (ending at 。！？；), each trimmed. */
export function sentences(text: string): string[] {
  return (text.match(/[^。！？；!?;\n]+[。！？；!?;]*/gu) ?? []).map((s) => s.trim()).filter(Boolean);
}

/** Above this many sentence pairs the diff is coarse (a phone must not spend seconds on one section). */
export const MAX_CELLS = 250_000;

/** Identical sentences as "same", in B's order; the rest of A removed, the rest of B added. */
function coarseDiff(a: string[], b: string[]): SentenceOp[] {
  const inA = new Set(a);
  const inB = new Set(b);
  return [
    ...a.filter((s) => !inB.has(s)).map((s): SentenceOp => ({ op: "removed", a: s })),
    ...b.map((s): SentenceOp => (inA.has(s) ? { op: "same", text: s } : { op: "added", b: s })),
  ];
}

/** Sentences this alike are one sentence re-worded, not one dropped and one added. */
const SENTENCE_MATCH = 0.5;

/**
 * A sentence-level diff of two texts: the longest common subsequence of sentences, two sentences
 * counting as the same one when their wording is at least half shared; within that, identical
 * ones are "same", the rest "changed".
 */
export function diffSentences(aText: string, bText: string): SentenceOp[] {
  const a = sentences(aText);
  const b = sentences(bText);
  if (a.length * b.length > MAX_CELLS) return coarseDiff(a, b);
  const ag = a.map(bigrams);
  const bg = b.map(bigrams);
  const alike = (i: number, j: number) =>
    a[i] === b[j] || dice(ag[i] as Set<string>, bg[j] as Set<string>) >= SENTENCE_MATCH;
  // lcs[i][j]: the longest alike subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      (lcs[i] as number[])[j] = alike(i, j)
        ? 1 + ((lcs[i + 1] as number[])[j + 1] ?? 0)
        : Math.max((lcs[i + 1] as number[])[j] ?? 0, (lcs[i] as number[])[j + 1] ?? 0);
  const ops: SentenceOp[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const sa = a[i];
    const sb = b[j];
    if (sa !== undefined && sb !== undefined && alike(i, j)) {
      ops.push(sa === sb ? { op: "same", text: sa } : { op: "changed", a: sa, b: sb });
      i++;
      j++;
    } else if (
      sa !== undefined &&
      (sb === undefined || ((lcs[i + 1] as number[])[j] ?? 0) >= ((lcs[i] as number[])[j + 1] ?? 0))
    ) {
      ops.push({ op: "removed", a: sa });
      i++;
    } else if (sb !== undefined) {
      ops.push({ op: "added", b: sb });
      j++;
    }
  }
  return ops;
}

export interface SectionRef {
  id: string;
  heading: string;
  topics: string[];
}

const sectionRef = (section: Section, fallback: string): SectionRef => ({
  id: section.id,
  heading: section.heading ?? fallback,
  topics: section.topics ?? [],
});

export type SectionPair =
  | { kind: "paired"; a: SectionRef; b: SectionRef; score: number; diff: SentenceOp[] }
  | { kind: "only-a"; a: SectionRef }
  | { kind: "only-b"; b: SectionRef };

/**
 * Sections of A and B paired one to one, best pairs first (greedy on the score), in B's reading
 * order with A's unpaired sections after the pair that precedes them in A.
 */
export function alignSections(a: ReportDigest, b: ReportDigest): SectionPair[] {
  const as = side(a.sections);
  const bs = side(b.sections);
  const candidates: Array<{ a: Side; b: Side; score: number }> = [];
  for (const x of as)
    for (const y of bs) {
      const score = sectionScore(x, y);
      if (score >= SECTION_MATCH) candidates.push({ a: x, b: y, score });
    }
  candidates.sort((p, q) => q.score - p.score || p.a.index - q.a.index || p.b.index - q.b.index);
  const pairOfA = new Map<number, { b: Side; score: number }>();
  const pairedB = new Set<number>();
  for (const c of candidates) {
    if (pairOfA.has(c.a.index) || pairedB.has(c.b.index)) continue;
    pairOfA.set(c.a.index, { b: c.b, score: c.score });
    pairedB.add(c.b.index);
  }
  const opening = "（开篇）";
  // Each A section placed at the B position of its pair, or just after the previous A section's.
  const placed: Array<{ at: number; order: number; pair: SectionPair }> = [];
  let at = -1;
  for (const x of as) {
    const pair = pairOfA.get(x.index);
    if (pair) {
      at = pair.b.index;
      placed.push({
        at,
        order: 1,
        pair: {
          kind: "paired",
          a: sectionRef(x.section, opening),
          b: sectionRef(pair.b.section, opening),
          score: Math.round(pair.score * 100) / 100,
          diff: diffSentences(sectionText(x.section), sectionText(pair.b.section)),
        },
      });
    } else placed.push({ at, order: 2, pair: { kind: "only-a", a: sectionRef(x.section, opening) } });
  }
  for (const y of bs)
    if (!pairedB.has(y.index))
      placed.push({ at: y.index, order: 0, pair: { kind: "only-b", b: sectionRef(y.section, opening) } });
  // Stable: A's unpaired sections keep their reading order among themselves.
  return placed.sort((p, q) => p.at - q.at || p.order - q.order).map((p) => p.pair);
}

export interface FigureRef {
  statId: string;
  text: string;
  value: number;
  valueMax: number | null;
  unit: string;
  year: number | null;
  label: string;
}

const figureRef = (stat: Stat): FigureRef => ({
  statId: stat.id,
  text: stat.text,
  value: stat.decline ? -stat.value : stat.value,
  valueMax: stat.valueMax === undefined ? null : stat.decline ? -stat.valueMax : stat.valueMax,
  unit: stat.unit,
  year: stat.year ?? null,
  label: stat.label ?? "",
});

const isTarget = (stat: Stat) => stat.target === true || stat.kind === "target";

/**
 * Each indicator's result in a report (indicator id + measure → figure): the first one stated
 * for the year the report reviews, else the first one; figures covering several years never count.
 */
export function resultsOf(digest: ReportDigest): Map<string, Stat> {
  const reviewed = digest.meta.year === undefined ? undefined : digest.meta.year - 1;
  const out = new Map<string, Stat>();
  for (const stat of digest.stats) {
    if (isTarget(stat) || stat.multiYear || !stat.indicator || !stat.measure) continue;
    const key = `${stat.indicator}:${stat.measure}`;
    const current = out.get(key);
    if (!current || (current.year !== reviewed && stat.year === reviewed)) out.set(key, stat);
  }
  return out;
}

/** A target's key: its indicator and measure, else its own label (targets often have no indicator). */
const targetKey = (stat: Stat) =>
  stat.indicator && stat.measure ? `${stat.indicator}:${stat.measure}` : `label:${stat.label ?? ""}`;

function targetsOf(digest: ReportDigest): Map<string, Stat> {
  const out = new Map<string, Stat>();
  for (const stat of digest.stats) {
    if (!isTarget(stat) || stat.multiYear || !(stat.indicator || stat.label)) continue;
    const key = targetKey(stat);
    if (!out.has(key)) out.set(key, stat);
  }
  return out;
}

export interface FigurePair {
  /** indicator id + ":" + measure. */
  key: string;
  indicator: string;
  measure: "level" | "growth";
  a: FigureRef | null;
  b: FigureRef | null;
  /** B − A in the unit (percentage points for a growth), when both are stated in one unit. */
  change: number | null;
  /** B over A in percent, for levels. */
  changePercent: number | null;
}

export interface TargetPair {
  key: string;
  a: FigureRef | null;
  b: FigureRef | null;
}

export interface Comparison {
  sections: SectionPair[];
  figures: FigurePair[];
  /** Targets B sets that A did not. */
  targetsNew: TargetPair[];
  /** Targets A set that B does not. */
  targetsDropped: TargetPair[];
  /** Targets both set. */
  targetsKept: TargetPair[];
}

const round = (n: number) => Number(trimNumber(n));

function figurePairs(a: ReportDigest, b: ReportDigest, order: readonly string[]): FigurePair[] {
  const ra = resultsOf(a);
  const rb = resultsOf(b);
  const keys = [...new Set([...ra.keys(), ...rb.keys()])];
  const rank = (key: string) => {
    const i = order.indexOf(key.split(":")[0] ?? "");
    return i < 0 ? order.length : i;
  };
  keys.sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
  return keys.map((key) => {
    const sa = ra.get(key);
    const sb = rb.get(key);
    const fa = sa ? figureRef(sa) : null;
    const fb = sb ? figureRef(sb) : null;
    const measure = (key.split(":")[1] ?? "level") as "level" | "growth";
    const comparable = fa && fb && fa.unit === fb.unit && fa.valueMax === null && fb.valueMax === null;
    const change = comparable ? round(fb.value - fa.value) : null;
    const changePercent =
      comparable && measure === "level" && fa.value !== 0
        ? round(((fb.value - fa.value) / Math.abs(fa.value)) * 100)
        : null;
    return { key, indicator: key.split(":")[0] ?? "", measure, a: fa, b: fb, change, changePercent };
  });
}

/** The whole comparison of report A with report B; `indicatorOrder` lists indicator ids as shown. */
export function compareReports(
  a: ReportDigest,
  b: ReportDigest,
  indicatorOrder: readonly string[] = [],
): Comparison {
  const ta = targetsOf(a);
  const tb = targetsOf(b);
  const pair = (key: string): TargetPair => {
    const x = ta.get(key);
    const y = tb.get(key);
    return { key, a: x ? figureRef(x) : null, b: y ? figureRef(y) : null };
  };
  return {
    sections: alignSections(a, b),
    figures: figurePairs(a, b, indicatorOrder),
    targetsNew: [...tb.keys()].filter((k) => !ta.has(k)).map(pair),
    targetsDropped: [...ta.keys()].filter((k) => !tb.has(k)).map(pair),
    targetsKept: [...tb.keys()].filter((k) => ta.has(k)).map(pair),
  };
}

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : n < 0 ? `−${text}` : text);

/** A figure pair's change as a reader reads it: "+35 亿元（+5%）", "−0.5 个百分点", "持平"; "" when not comparable. */
export function changeText(pair: Pick<FigurePair, "change" | "changePercent" | "measure" | "a">): string {
  const { change, changePercent, measure, a } = pair;
  if (change === null || !a) return "";
  if (change === 0) return "持平";
  if (measure === "growth" || a.unit === "%")
    return signed(change, `${trimNumber(Math.abs(change))} 个百分点`);
  const amount = signed(change, formatValue(Math.abs(change), a.unit));
  return changePercent === null
    ? amount
    : `${amount}（${signed(changePercent, `${trimNumber(Math.abs(changePercent))}%`)}）`;
}
