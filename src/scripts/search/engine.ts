// Search over pagefind with precision built in. Each term is looked for as pagefind quoted
// (positional) searches of its pieces (src/shared/search-text.ts), so pagefind proposes exactly
// the sections holding it (or, through the index's synonyms, a synonym of it); a plain search of
// all the query's words ranks them (or orders them by date). The best are then checked against
// their stored text: sections holding the whole query (or every word of it) are results, sections
// holding only part of it are "related". No DOM here: pagefind is passed in.

import commonPairs from "../../ingest/lexicon/common-pairs.json" with { type: "json" };
import { FACETS, type Facet } from "../../shared/search-facets.ts";
import { normalize } from "../../shared/search-normalize.ts";
import { displayText, type QueryPiece, queryPieces } from "../../shared/search-text.ts";
import { occurrences, type Tier, termCount, tierOf, wordsOfTerm } from "./match.ts";
import type { Pagefind, PagefindFilters, PagefindResponse, PagefindResult } from "./pagefind-api.ts";
import type { ParsedQuery } from "./query.ts";

export { FACETS, type Facet };
export type Filters = Partial<Record<Facet, string>>;
export type SortOrder = "relevance" | "date";

/** A section as a reader sees it in the results. */
export interface SectionHit {
  url: string;
  /** The section heading ("" for a lead without one); the report's title for the report itself. */
  heading: string;
  /** The section's text. */
  text: string;
  report: string;
  region?: string;
  year?: string;
  kind?: string;
  /** What the section's figures measure. */
  figures: string[];
}

export interface Hit {
  id: string;
  doc: SectionHit;
  tier: Tier;
  score: number;
}

export interface SearchOutcome {
  /** Checked sections holding the whole query (first) or every word of it, best first. */
  results: Hit[];
  /** Checked sections holding only part of the query. */
  related: Hit[];
  /** Sections that hold the query (within the filters); `results` are the best of them. */
  total: number;
  /**
   * Per facet value, how many sections hold the query with the other facets' filters applied;
   * empty when not asked for (the dialog shows no facets, so it loads no facet's filter chunks).
   */
  counts: Record<Facet, Map<string, number>>;
}

/** What to search for, and whether to count the results per facet value. */
export interface SearchAsk {
  query: ParsedQuery;
  filters: Filters;
  sort: SortOrder;
  counts: boolean;
}

export interface SearchLimits {
  /** Stop checking once this many results are found… */
  enough: number;
  /** …or this many sections were checked (each check fetches one small fragment). */
  maxChecked: number;
  batch: number;
  /** False once a newer search has started: stop fetching fragments for this one. */
  current?: () => boolean;
}

export const DEFAULT_LIMITS: SearchLimits = { enough: 15, maxChecked: 40, batch: 15 };

/**
 * A filter that holds every section: it makes pagefind load the facet's filter chunk and count its
 * values without narrowing anything (pagefind counts only facets it has loaded).
 */
const EVERY: { not: string } = { not: "\u0000" };

/** The reader's filters for pagefind, every other facet EVERY when `counted`, else left out. */
function pagefindFilters(filters: Filters, counted: boolean, except?: Facet): PagefindFilters {
  return Object.fromEntries(
    FACETS.flatMap((f): [Facet, PagefindFilters[string]][] => {
      if (f !== except && filters[f]) return [[f, filters[f] as string]];
      return counted ? [[f, EVERY]] : [];
    }),
  );
}

/** Loads the facets' filter chunks every counted search needs, before the first query. */
export const warmFacets = (pagefind: Pagefind) =>
  pagefind.preload(null, { filters: pagefindFilters({}, true) });

const COMMON = new Set(commonPairs.pairs);

/**
 * The words of the search that ranks the candidates: the query's words without the pairs in a
 * fifth of all sections (发展, 建设), which BM25 weighs at almost nothing while scoring nearly every
 * section for them; all of them when every one is that common.
 */
function rankingWords(words: string[]): string[] {
  const rare = words.filter((w) => !COMMON.has(w));
  return rare.length ? rare : words;
}

const pieceQuery = (piece: QueryPiece) =>
  piece.prefix ? (piece.words[0] as string) : `"${piece.words.join(" ")}"`;

/** Results of every search, by id: the sections all of them found. */
function common(responses: PagefindResponse[]): Map<string, PagefindResult> {
  const [first, ...rest] = [...responses].sort((a, b) => a.results.length - b.results.length);
  const others = rest.map((r) => new Set(r.results.map((x) => x.id)));
  return new Map(
    (first?.results ?? []).filter((r) => others.every((o) => o.has(r.id))).map((r) => [r.id, r]),
  );
}

function toHit(data: Awaited<ReturnType<PagefindResult["data"]>>): SectionHit {
  const one = (key: string) => data.filters[key]?.[0];
  return {
    url: data.url,
    heading: displayText(data.meta.title ?? ""),
    text: displayText(data.content),
    report: one("report") ?? "",
    ...(one("region") ? { region: one("region") } : {}),
    ...(one("year") ? { year: one("year") } : {}),
    ...(one("kind") ? { kind: one("kind") } : {}),
    figures: data.filters.figure ?? [],
  };
}

/** Typical section length in characters, for length normalisation. */
const AVERAGE_LENGTH = 400;
const K1 = 1.2;
const B = 0.5;
const bm25 = (tf: number, length: number) =>
  (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / AVERAGE_LENGTH));

/**
 * Relevance of a checked section: BM25 over whole terms (a synonym counts once per place), plus a
 * bonus when the heading holds the term or one of the section's figures measures it (its label opens or ends with it).
 */
function phraseScore(hit: SectionHit, query: ParsedQuery): number {
  const text = normalize(hit.text);
  const heading = normalize(hit.heading);
  const figures = hit.figures.map(normalize);
  return query.terms.reduce((sum, term) => {
    const inHeading = term.alternatives.some((alt) => occurrences(heading, alt).length > 0);
    // A figure measures what its label opens or ends with (全区地区生产总值, 地区生产总值增速,
    // 小微企业园累计吸纳企业); inside a longer name it is something else (万元地区生产总值能耗).
    const measured = term.alternatives.some((alt) =>
      figures.some((f) => f.startsWith(alt) || f.endsWith(alt)),
    );
    return sum + bm25(termCount(text, term), text.length) + (inHeading ? 1 : 0) + (measured ? 0.5 : 0);
  }, 0);
}

const TIER_ORDER: Record<Tier, number> = { exact: 0, words: 1, partial: 2 };

async function check(results: PagefindResult[], query: ParsedQuery, limits: SearchLimits): Promise<Hit[]> {
  const hits: Hit[] = [];
  for (let at = 0; at < results.length && at < limits.maxChecked; at += limits.batch) {
    if (limits.current?.() === false) break;
    const batch = results.slice(at, Math.min(at + limits.batch, limits.maxChecked));
    const data = await Promise.all(batch.map((r) => r.data()));
    data.forEach((d, i) => {
      const result = batch[i] as PagefindResult;
      const doc = toHit(d);
      const text = normalize(`${doc.heading}\n${doc.text}`);
      hits.push({
        id: result.id,
        doc,
        tier: tierOf(text, query),
        // The phrase's own relevance; pagefind's rank (BM25 over the query's words, which counts
        // 企业 in 小微企业园 as much as the phrase) only chose which sections to check first.
        score: phraseScore(doc, query),
      });
    });
    if (hits.filter((h) => h.tier !== "partial").length >= limits.enough || limits.current?.() === false)
      break;
  }
  return hits;
}

function countsOf(response: PagefindResponse | undefined, facet: Facet): Map<string, number> {
  return new Map(Object.entries(response?.filters[facet] ?? {}).filter(([, n]) => n > 0));
}

const NO_COUNTS = Object.fromEntries(FACETS.map((f) => [f, new Map()])) as SearchOutcome["counts"];

export async function runSearch(
  pagefind: Pagefind,
  { query, filters, sort, counts: wantCounts }: SearchAsk,
  limits: SearchLimits = DEFAULT_LIMITS,
): Promise<SearchOutcome> {
  const options = { filters: pagefindFilters(filters, wantCounts) };
  const termPieces = query.terms.map((t) => queryPieces(t.text)).filter((p) => p.length);
  const find = (piece: QueryPiece) => pagefind.search(pieceQuery(piece), options);
  const words = [...new Set(termPieces.flat().flatMap((p) => p.words))];
  const sorted = { ...options, ...(sort === "date" ? { sort: { date: "desc" as const } } : {}) };
  // A query of one piece (most are: 营商环境, 地区生产总值) sorted by date needs only its own quoted
  // search, which finds exactly the candidates. Ranked by relevance it also needs a plain search of
  // its words: pagefind's quoted search scores every hit alike (it lists a hit's first occurrence
  // only), so its order is the index's, and the sections checked first would be the index's first
  // rather than those holding the phrase most (tried and reverted in 6c13def / 1b1ec9b).
  const onePiece = termPieces.length === 1 && termPieces[0]?.length === 1 ? termPieces[0][0] : undefined;
  const [perTerm, ranked] =
    onePiece && sort === "date"
      ? await pagefind
          .search(pieceQuery(onePiece), sorted)
          .then((r): [PagefindResponse[][], PagefindResponse] => [[[r]], r])
      : await Promise.all([
          Promise.all(termPieces.map(async (pieces) => Promise.all(pieces.map(find)))),
          pagefind.search(rankingWords(words).join(" "), sorted),
        ]);
  if (limits.current?.() === false) return { results: [], related: [], total: 0, counts: NO_COUNTS };
  const termSets = perTerm.map(common);
  const all = common(perTerm.flat());
  const rank = new Map(ranked.results.map((r, i) => [r.id, sort === "date" ? -i : r.score]));
  const order = (ids: Iterable<PagefindResult>) =>
    [...ids].sort((a, b) => (rank.get(b.id) ?? -Infinity) - (rank.get(a.id) ?? -Infinity));
  const candidates = order(all.values());

  const checked = await check(candidates, query, limits);
  // A newer search has started: what this one found is not shown, so it does no more work.
  if (limits.current?.() === false) return { results: [], related: [], total: 0, counts: NO_COUNTS };
  const byRelevance = (a: Hit, b: Hit) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || b.score - a.score;
  const byRank = (a: Hit, b: Hit) =>
    TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0);
  let results = checked.filter((h) => h.tier !== "partial");
  let related = checked.filter((h) => h.tier === "partial");
  const failed = related.length;
  // Few sections hold the query: sections holding every word of a term come next (新能源 汽车 for
  // 新能源汽车), and sections holding some of the terms apart, as related.
  if (results.length < 5 && !query.exact) {
    const seen = new Set(checked.map((h) => h.id));
    const wordsOnly = await Promise.all(
      query.terms.flatMap((t) => {
        const parts = wordsOfTerm(t.text).flatMap(queryPieces);
        return parts.length > 1 ? [Promise.all(parts.map(find)).then(common)] : [];
      }),
    );
    const some = [...wordsOnly.flatMap((m) => [...m.values()]), ...termSets.flatMap((m) => [...m.values()])];
    const extra = order(new Map(some.filter((r) => !seen.has(r.id)).map((r) => [r.id, r])).values());
    const more = await check(extra.slice(0, 10), query, { ...limits, maxChecked: 10 });
    results = [...results, ...more.filter((h) => h.tier !== "partial")];
    related = [...related, ...more.filter((h) => h.tier === "partial")];
  }
  results.sort(sort === "date" ? byRank : byRelevance);
  // A round shows `enough` results, the best of those checked (a batch that came up short made the
  // check fetch the next one); the rest wait for "更多结果".
  const total = Math.max(results.length, all.size - failed);
  results = results.slice(0, limits.enough);
  related.sort((a, b) => b.score - a.score);
  if (!wantCounts) return { results, related, total, counts: NO_COUNTS };

  // Counts: of the sections pagefind found for the query (one quoted search when the query is one
  // piece, else the ranking search of its words), per facet with the other facets' filters applied.
  const countedQuery = onePiece ? pieceQuery(onePiece) : rankingWords(words).join(" ");
  const counted = onePiece ? perTerm[0]?.[0] : ranked;
  const counts = Object.fromEntries(FACETS.map((f) => [f, countsOf(counted, f)])) as SearchOutcome["counts"];
  await Promise.all(
    FACETS.filter((f) => filters[f]).map(async (f) => {
      const response = await pagefind.search(countedQuery, { filters: pagefindFilters(filters, true, f) });
      counts[f] = countsOf(response, f);
    }),
  );
  return { results, related, total, counts };
}
