// Search over pagefind's section records with precision on top: pagefind proposes candidates
// (it matches single characters of a Chinese query too), each candidate's section text is checked
// for the whole query, and only sections that hold it (or every word of it) are results; the rest
// are "related". Synonyms are searched as alternatives. No DOM here: pagefind is passed in.

import { occurrences, type Tier, termCount, tierOf } from "./match.ts";
import { normalize, type ParsedQuery } from "./query.ts";

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindLike {
  search(
    term: string,
    options?: { filters?: Record<string, string[]> },
  ): Promise<{ results: Array<{ id: string; score: number; data(): Promise<Fragment> }> } | null>;
}

export const FACETS = ["region", "year", "kind", "topic"] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Partial<Record<Facet, string>>;
export type SortOrder = "relevance" | "date";

export interface Hit {
  fragment: Fragment;
  /** Normalised section text, for marking matches. */
  text: string;
  tier: Tier;
  score: number;
}

export interface SearchOutcome {
  /** Sections holding the whole query (first) or every word of it. */
  results: Hit[];
  /** Sections holding only part of the query. */
  related: Hit[];
  /** Result counts per facet value, over the unfiltered results. */
  counts: Record<Facet, Map<string, number>>;
  /** Candidates pagefind proposed, and how many of them were checked. */
  candidates: number;
  checked: number;
}

export interface SearchLimits {
  /** Stop checking candidates once this many results are found… */
  enough: number;
  /** …or this many candidates were checked (each check loads one small fragment). */
  maxChecked: number;
  batch: number;
}

export const DEFAULT_LIMITS: SearchLimits = { enough: 12, maxChecked: 36, batch: 12 };

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Pagefind queries for a parsed query, best first: each combination of synonyms (at most `cap`),
 * then the Chinese terms character by character. Pagefind's index-time and query-time segmenters
 * disagree on some words (示范区 is indexed as 示范/区), so the character form brings back the
 * sections where the term sits inside a longer word; the text check then keeps only real matches.
 */
export function pagefindTerms(query: ParsedQuery, cap = 6): string[] {
  let combos: string[][] = [[]];
  for (const term of query.terms) {
    combos = combos.flatMap((c) => term.alternatives.map((alt) => [...c, alt])).slice(0, cap);
  }
  const spelled = query.terms.map((t) => (CJK.test(t.text) ? [...t.text].join(" ") : t.text)).join(" ");
  return [...new Set([...combos.map((c) => c.join(" ")), spelled])].filter(Boolean);
}

/** Typical section length in characters, for length normalisation. */
const AVERAGE_LENGTH = 400;

/**
 * BM25-style relevance of the whole terms (not pagefind's single-character tokens): how often each
 * term or its synonym stands in the section, damped and normalised by length, plus a bonus when
 * the heading holds it or one of the section's figures measures it. Pagefind's score only breaks ties.
 */
export function phraseScore(text: string, heading: string, query: ParsedQuery, figures = ""): number {
  const k1 = 1.2;
  const b = 0.5;
  const norm = 1 - b + (b * text.length) / AVERAGE_LENGTH;
  return query.terms.reduce((sum, term) => {
    const tf = termCount(text, term);
    const inHeading = term.alternatives.some((alt) => occurrences(heading, alt).length > 0);
    const measured = term.alternatives.some((alt) => figures.includes(alt));
    return sum + (tf * (k1 + 1)) / (tf + k1 * norm) + (inHeading ? 1 : 0) + (measured ? 0.5 : 0);
  }, 0);
}

const TIER_ORDER: Record<Tier, number> = { exact: 0, words: 1, partial: 2 };

function matchesFilters(f: Fragment, filters: Filters): boolean {
  return FACETS.every((facet) => {
    const wanted = filters[facet];
    return !wanted || (f.filters[facet] ?? []).includes(wanted);
  });
}

function countFacets(hits: Hit[]): SearchOutcome["counts"] {
  const counts = Object.fromEntries(
    FACETS.map((f) => [f, new Map<string, number>()]),
  ) as SearchOutcome["counts"];
  for (const hit of hits) {
    for (const facet of FACETS) {
      for (const value of hit.fragment.filters[facet] ?? [])
        counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  return counts;
}

async function candidates(pf: PagefindLike, query: ParsedQuery, filters: Filters) {
  const pfFilters = Object.fromEntries(
    Object.entries(filters)
      .filter(([, v]) => v)
      .map(([k, v]) => [k, [v as string]]),
  );
  const searches = await Promise.all(pagefindTerms(query).map((t) => pf.search(t, { filters: pfFilters })));
  // Candidates of an earlier (closer) pagefind query come before those of a later one.
  const best = new Map<string, { pass: number; score: number; data: () => Promise<Fragment> }>();
  searches.forEach((search, pass) => {
    for (const r of search?.results ?? []) {
      const known = best.get(r.id);
      if (!known || (known.pass === pass && known.score < r.score))
        best.set(r.id, { pass, score: r.score, data: () => r.data() });
    }
  });
  return [...best.values()].sort((a, b) => a.pass - b.pass || b.score - a.score);
}

async function check(pf: PagefindLike, query: ParsedQuery, filters: Filters, limits: SearchLimits) {
  const found = await candidates(pf, query, filters);
  const hits: Hit[] = [];
  let checked = 0;
  while (checked < found.length && checked < limits.maxChecked) {
    const batch = found.slice(checked, Math.min(checked + limits.batch, limits.maxChecked));
    const fragments = await Promise.all(batch.map((c) => c.data()));
    fragments.forEach((fragment, i) => {
      const text = normalize(fragment.content);
      const title = normalize(fragment.meta.title ?? "");
      hits.push({
        fragment,
        text,
        tier: tierOf(text, query),
        score:
          phraseScore(text, title, query, normalize(fragment.meta.figures ?? "")) +
          (batch[i]?.score ?? 0) / 1000,
      });
    });
    checked += batch.length;
    if (hits.filter((h) => h.tier !== "partial").length >= limits.enough) break;
  }
  return { hits, candidates: found.length, checked };
}

const dateOf = (h: Hit) => h.fragment.meta.date ?? "";

export async function runSearch(
  pf: PagefindLike,
  query: ParsedQuery,
  filters: Filters,
  sort: SortOrder,
  limits: SearchLimits = DEFAULT_LIMITS,
): Promise<SearchOutcome> {
  const filtered = Object.values(filters).some(Boolean);
  const all = await check(pf, query, {}, limits);
  const narrowed = filtered ? await check(pf, query, filters, limits) : all;
  const inFilters = narrowed.hits.filter((h) => matchesFilters(h.fragment, filters));
  const byRelevance = (a: Hit, b: Hit) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score;
  const byDate = (a: Hit, b: Hit) => dateOf(b).localeCompare(dateOf(a)) || byRelevance(a, b);
  const results = inFilters.filter((h) => h.tier !== "partial").sort(sort === "date" ? byDate : byRelevance);
  const related = inFilters.filter((h) => h.tier === "partial");
  return {
    results,
    related,
    counts: countFacets(all.hits.filter((h) => h.tier !== "partial")),
    candidates: narrowed.candidates,
    checked: narrowed.checked,
  };
}
