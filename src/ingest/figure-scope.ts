// How far a figure binds, read from the words around it in its sentence: a bound (增长6%左右,
// 以上, 不低于), a fall (下降3%: the value is stored as 3), and whether it covers several years
// (a five-year total, 年均, a plan to 2025 in a 2023 report), which is never one year's result.
import { z } from "zod";
import lexicon from "./lexicon/figure-scope.json" with { type: "json" };
import { alternation } from "./text.ts";
import type { Stat } from "./types.ts";

const words = z.array(z.string().min(1));
const bounds = z.object({ about: words, min: words, max: words });
const schema = z.object({
  boundAfter: bounds,
  boundBefore: bounds,
  declineVerbs: words,
  multiYearWords: words,
});
const scope = schema.parse(lexicon);

export type Bound = "about" | "min" | "max";

const boundPatterns = (set: z.infer<typeof bounds>, anchor: (alt: string) => RegExp) =>
  (["about", "min", "max"] as const).map((bound) => ({ bound, re: anchor(alternation(set[bound])) }));
const AFTER = boundPatterns(scope.boundAfter, (alt) => new RegExp(`^(?:${alt})`, "u"));
// The bound word stands just before the figure, perhaps with a verb between (控制在3%以内, 不低于达到).
const BEFORE = boundPatterns(scope.boundBefore, (alt) => new RegExp(`(?:${alt})[达到为在]{0,2}$`, "u"));
const DECLINE = new RegExp(`(?:${alternation(scope.declineVerbs)})[了到至为约近超过逾]{0,2}$`, "u");
const MULTI_YEAR = new RegExp(alternation(scope.multiYearWords), "u");
// 2018—2022年, 2018年以来, 到2025年 / 2025年前: a period or a later year named before the figure.
const YEAR_SPAN = /(\d{4})\s*(?:年\s*)?[-—–~至到]\s*\d{4}\s*年/u;
const YEAR_SINCE = /(\d{4})\s*年(?:以来|来)/u;
const YEAR_BY = /(?:到|至|在)\s*(\d{4})\s*年|(\d{4})\s*年(?:前|底前)/u;

/** The bound whose word ends `near` at greatest length (不高于 is a maximum, not 高于's minimum). */
function longestBefore(near: string): Bound | undefined {
  let best: { bound: Bound; length: number } | undefined;
  for (const { bound, re } of BEFORE) {
    const length = re.exec(near)?.[0].length ?? 0;
    if (length > (best?.length ?? 0)) best = { bound, length };
  }
  return best?.bound;
}

/** How far back a figure's clause is read: keeps a 2 MB line without stops linear. */
const CLAUSE_WINDOW = 200;

/** The clause of `text` before `start`: from the last sentence or clause stop (。；！？), at most CLAUSE_WINDOW back. */
function clauseBefore(text: string, start: number): string {
  const before = text.slice(Math.max(0, start - CLAUSE_WINDOW), start);
  const stop = Math.max(...["。", "；", "！", "？", ";"].map((p) => before.lastIndexOf(p)));
  return before.slice(stop + 1);
}

export interface FigureScope {
  bound?: Bound;
  decline?: true;
  multiYear?: true;
}

/** The scope of `stat` in its block's `text`; `year` is the year the figure refers to. */
export function figureScope(stat: Stat, text: string, year: number | undefined): FigureScope {
  const out: FigureScope = {};
  const after = text.slice(stat.start + stat.text.length, stat.start + stat.text.length + 4);
  const clause = clauseBefore(text, stat.start);
  const near = clause.slice(-8).replace(/\s+/gu, "");
  const bound = AFTER.find(({ re }) => re.test(after))?.bound ?? longestBefore(near);
  if (bound) out.bound = bound;
  if (stat.kind === "growth" && DECLINE.test(near)) out.decline = true;
  const since = YEAR_SINCE.exec(clause)?.[1];
  const by = YEAR_BY.exec(clause);
  const byYear = Number(by?.[1] ?? by?.[2] ?? Number.NaN);
  if (
    MULTI_YEAR.test(clause) ||
    YEAR_SPAN.test(clause) ||
    (since !== undefined && year !== undefined && Number(since) < year) ||
    (year !== undefined && byYear > year)
  )
    out.multiYear = true;
  return out;
}
