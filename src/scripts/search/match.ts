// Whether a section's text holds a query, and where: whole terms only, with figures matched as
// figures (12 does not match 120, 5.2% does not match 15.2%).
import { normalize, wordsOf } from "../../shared/search-normalize.ts";
import type { ParsedQuery, QueryTerm } from "./query.ts";

export type Tier = "exact" | "words" | "partial";

export interface Range {
  start: number;
  end: number;
}

const DIGIT = /[0-9.]/;

/** Start offsets of `needle` in `haystack` where a figure is not cut out of a longer figure. */
export function occurrences(haystack: string, needle: string): number[] {
  if (!needle) return [];
  const found: number[] = [];
  const leadsWithDigit = /^[0-9]/.test(needle);
  const endsWithDigit = /[0-9]$/.test(needle);
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    const before = haystack[i - 1];
    const after = haystack[i + needle.length];
    if (leadsWithDigit && before && DIGIT.test(before)) continue;
    // "5.2" may be followed by "%" or a unit but not by more digits ("5.25") or a decimal point.
    if (
      endsWithDigit &&
      after &&
      (/[0-9]/.test(after) || (after === "." && /[0-9]/.test(haystack[i + needle.length + 1] ?? "")))
    )
      continue;
    found.push(i);
  }
  return found;
}

const holds = (text: string, term: QueryTerm) =>
  term.alternatives.some((alt) => occurrences(text, alt).length > 0);

function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((x, y) => x.start - y.start || y.end - x.end);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

const rangesOf = (text: string, needles: string[]) =>
  merge(needles.flatMap((n) => occurrences(text, n).map((start) => ({ start, end: start + n.length }))));

/** How many separate places hold the term or a synonym (overlapping synonyms count once). */
export const termCount = (text: string, term: QueryTerm): number => rangesOf(text, term.alternatives).length;

/**
 * The words of a term a reader would name: segments of two or more characters (or Latin/digits),
 * and only when there are at least two. 新能源汽车 → 能源, 汽车; 示范区 → none (示范 alone is not
 * what was asked, and 区 alone is noise).
 */
export function wordsOfTerm(term: string): string[] {
  const words = wordsOf(term).filter((w) => w.length > 1 || /[0-9a-z]/.test(w));
  return words.length >= 2 ? words : [];
}

/** How well a (normalised) section text answers the query. */
export function tierOf(text: string, query: ParsedQuery): Tier {
  if (query.terms.length === 0) return "partial";
  if (query.terms.every((t) => holds(text, t))) return "exact";
  if (query.exact) return "partial";
  const everyWord = query.terms.every((t) => {
    if (holds(text, t)) return true;
    const words = wordsOfTerm(t.text);
    return words.length > 0 && words.every((w) => occurrences(text, w).length > 0);
  });
  return everyWord ? "words" : "partial";
}

/** Ranges to mark for the query in a (normalised) text: whole terms and synonyms, else the term's words. */
export function matchRanges(text: string, query: ParsedQuery): Range[] {
  const needles = query.terms.flatMap((t) => {
    const whole = t.alternatives.filter((alt) => occurrences(text, alt).length > 0);
    // Never single characters all over the text: whole terms, else the term's words.
    return whole.length || query.exact ? whole : wordsOfTerm(t.text);
  });
  return rangesOf(text, needles);
}

/** Normalises text while keeping offsets usable: NFKC may change lengths, so map per character. */
export function normalizeWithMap(text: string): { text: string; offsets: number[] } {
  let out = "";
  const offsets: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const n = ch === "\u200b" ? "" : /\s/.test(ch) ? " " : normalize(ch) || (ch.trim() ? ch : " ");
    for (let k = 0; k < n.length; k++) offsets.push(i);
    out += n;
    i += ch.length;
  }
  offsets.push(text.length);
  return { text: out, offsets };
}
