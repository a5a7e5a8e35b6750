// Search over the section index with precision built in: the index proposes the sections holding
// every character pair of the query (any part of a word is found; figures match as whole figures),
// the best are checked against their text, and only sections holding the whole query (or every
// word of it) are results; sections holding only part of it are "related". Synonyms are searched
// as alternatives. No DOM and no fetching here: the index is passed in.
import type { SearchIndex } from "./index-client.ts";
import { occurrences, type Tier, termCount, tierOf, wordsOfTerm } from "./match.ts";
import { normalize, type ParsedQuery, type QueryTerm } from "./query.ts";
import type { SectionDoc } from "./records.ts";
import { termKeys } from "./tokens.ts";

export const FACETS = ["region", "year", "kind", "topic"] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Partial<Record<Facet, string>>;
export type SortOrder = "relevance" | "date";

export interface Hit {
  id: number;
  doc: SectionDoc;
  tier: Tier;
  score: number;
}

export interface SearchOutcome {
  /** Checked sections holding the whole query (first) or every word of it, best first. */
  results: Hit[];
  /** Checked sections holding only part of the query. */
  related: Hit[];
  /** Sections that may hold the query (within the filters); `results` are the best of them. */
  total: number;
  /** Per facet value, how many sections hold the query with the other facets' filters applied. */
  counts: Record<Facet, Map<string, number>>;
}

export interface SearchLimits {
  /** Stop checking once this many results are found… */
  enough: number;
  /** …or this many sections were checked (each check fetches one small document). */
  maxChecked: number;
  batch: number;
  /** False once a newer search has started: stop fetching documents for this one. */
  current?: () => boolean;
}

export const DEFAULT_LIMITS: SearchLimits = { enough: 15, maxChecked: 40, batch: 15 };

/** Typical section length in characters, for length normalisation. */
const AVERAGE_LENGTH = 400;
const K1 = 1.2;
const B = 0.5;

const bm25 = (tf: number, length: number) =>
  (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / AVERAGE_LENGTH));

/**
 * Relevance of a checked section: BM25 over whole terms (a term or its synonym, counted once per
 * place), plus a bonus when the heading holds the term or one of the section's figures measures it.
 */
function phraseScore(text: string, heading: string, query: ParsedQuery, figures = ""): number {
  return query.terms.reduce((sum, term) => {
    const inHeading = term.alternatives.some((alt) => occurrences(heading, alt).length > 0);
    const measured = term.alternatives.some((alt) => figures.includes(alt));
    return sum + bm25(termCount(text, term), text.length) + (inHeading ? 1 : 0) + (measured ? 0.5 : 0);
  }, 0);
}

type Candidates = Map<number, number>;

/** Sections holding every key, with the smallest key count as an estimate of the phrase's count. */
async function allKeys(index: SearchIndex, keys: string[]): Promise<Candidates> {
  const lists = await Promise.all(keys.map((k) => index.postings(k)));
  lists.sort((a, b) => a.size - b.size);
  const [first, ...rest] = lists;
  const out: Candidates = new Map();
  for (const [id, tf] of first ?? []) {
    let min = tf;
    for (const list of rest) min = Math.min(min, list.get(id) ?? 0);
    if (min > 0) out.set(id, min);
  }
  return out;
}

/** Sections that may hold a term: any synonym, or (unquoted) all of the term's words. */
async function termCandidates(index: SearchIndex, term: QueryTerm, exact: boolean): Promise<Candidates> {
  const forms = term.alternatives.map(termKeys);
  const words = exact ? [] : wordsOfTerm(term.text);
  if (words.length) forms.push([...new Set(words.flatMap(termKeys))]);
  const out: Candidates = new Map();
  for (const found of await Promise.all(forms.map((keys) => allKeys(index, keys)))) {
    for (const [id, tf] of found) out.set(id, Math.max(out.get(id) ?? 0, tf));
  }
  return out;
}

function facetValues(index: SearchIndex, id: number): Record<Facet, string[]> {
  const { manifest } = index;
  const [report, topics] = manifest.sections[id] ?? [0, [], 0];
  const [region, year, kind] = manifest.reports[report] ?? [-1, 0, -1, ""];
  return {
    region: region >= 0 ? [manifest.regions[region] ?? ""] : [],
    year: year ? [String(year)] : [],
    kind: kind >= 0 ? [manifest.kinds[kind] ?? ""] : [],
    topic: topics.map((t) => manifest.topics[t] ?? ""),
  };
}

const passes = (values: Record<Facet, string[]>, filters: Filters, except?: Facet) =>
  FACETS.every((f) => f === except || !filters[f] || values[f].includes(filters[f] as string));

function countFacets(index: SearchIndex, ids: number[], filters: Filters): SearchOutcome["counts"] {
  const counts = Object.fromEntries(
    FACETS.map((f) => [f, new Map<string, number>()]),
  ) as SearchOutcome["counts"];
  for (const id of ids) {
    const values = facetValues(index, id);
    for (const facet of FACETS) {
      if (!passes(values, filters, facet)) continue;
      for (const v of values[facet]) counts[facet].set(v, (counts[facet].get(v) ?? 0) + 1);
    }
  }
  return counts;
}

const TIER_ORDER: Record<Tier, number> = { exact: 0, words: 1, partial: 2 };

async function check(
  index: SearchIndex,
  ids: number[],
  query: ParsedQuery,
  limits: SearchLimits,
): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (let at = 0; at < ids.length && at < limits.maxChecked; at += limits.batch) {
    if (limits.current?.() === false) break;
    const batch = ids.slice(at, Math.min(at + limits.batch, limits.maxChecked));
    const docs = await Promise.all(batch.map((id) => index.doc(id)));
    docs.forEach((doc, i) => {
      const text = normalize(doc.text);
      const score = phraseScore(text, normalize(doc.heading), query, normalize(doc.figures.join("、")));
      hits.push({ id: batch[i] ?? 0, doc, tier: tierOf(text, query), score });
    });
    if (hits.filter((h) => h.tier !== "partial").length >= limits.enough || limits.current?.() === false)
      break;
  }
  return hits;
}

export async function runSearch(
  index: SearchIndex,
  query: ParsedQuery,
  filters: Filters,
  sort: SortOrder,
  limits: SearchLimits = DEFAULT_LIMITS,
): Promise<SearchOutcome> {
  const perTerm = await Promise.all(query.terms.map((t) => termCandidates(index, t, query.exact)));
  const [first, ...rest] = [...perTerm].sort((a, b) => a.size - b.size);
  const all: Candidates = new Map();
  for (const [id, tf] of first ?? []) {
    if (rest.every((c) => c.has(id))) all.set(id, tf);
  }
  const { sections, reports } = index.manifest;
  const lengthOf = (id: number) => sections[id]?.[2] ?? AVERAGE_LENGTH;
  const dateOf = (id: number) => reports[sections[id]?.[0] ?? 0]?.[3] ?? "";
  const idf = perTerm.map((c) => Math.log(1 + sections.length / (1 + c.size)));
  const estimates = new Map<number, number>();
  const estimate = (id: number) => {
    let e = estimates.get(id);
    if (e === undefined) {
      e = perTerm.reduce((sum, c, t) => sum + bm25(c.get(id) ?? 0, lengthOf(id)) * (idf[t] ?? 1), 0);
      estimates.set(id, e);
    }
    return e;
  };
  const inFilters = [...all.keys()].filter((id) => passes(facetValues(index, id), filters));
  const byEstimate = (a: number, b: number) => estimate(b) - estimate(a) || a - b;
  inFilters.sort(
    sort === "date" ? (a, b) => dateOf(b).localeCompare(dateOf(a)) || byEstimate(a, b) : byEstimate,
  );

  const checked = await check(index, inFilters, query, limits);
  const byRelevance = (a: Hit, b: Hit) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score;
  const byDate = (a: Hit, b: Hit) => b.doc.date.localeCompare(a.doc.date) || byRelevance(a, b);
  const results = checked.filter((h) => h.tier !== "partial").sort(sort === "date" ? byDate : byRelevance);
  const failed = new Set(checked.filter((h) => h.tier === "partial").map((h) => h.id));
  let related = checked.filter((h) => h.tier === "partial");
  // With few results, show the sections that hold some of the terms, apart.
  if (results.length < 5 && perTerm.length > 1) {
    const some = [...new Set(perTerm.flatMap((c) => [...c.keys()]))].filter(
      (id) => !all.has(id) && passes(facetValues(index, id), filters),
    );
    some.sort(byEstimate);
    const extra = await check(index, some.slice(0, 10), query, { ...limits, maxChecked: 10 });
    related = [...related, ...extra.filter((h) => h.tier === "partial")];
  }
  related.sort((a, b) => b.score - a.score);
  const holding = [...all.keys()].filter((id) => !failed.has(id));
  return {
    results,
    related,
    total: inFilters.filter((id) => !failed.has(id)).length,
    counts: countFacets(index, holding, filters),
  };
}
