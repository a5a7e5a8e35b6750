// A reader's query as the search understands it: normalised text, its terms (words split by
// spaces, or one quoted phrase), each with the synonyms that also satisfy it.
import lexicon from "../../ingest/lexicon/synonyms.json" with { type: "json" };
import { normalize } from "../../shared/search-normalize.ts";

export interface QueryTerm {
  /** The term as typed, normalised. */
  text: string;
  /** Everything that satisfies the term: the term itself first, then its synonyms. */
  alternatives: string[];
}

export interface ParsedQuery {
  /** The normalised query, quotes removed. */
  text: string;
  terms: QueryTerm[];
  /** A quoted query: only the exact phrase counts, no synonyms, no word-by-word matches. */
  exact: boolean;
}

const groups: string[][] = lexicon.groups.map((g) => g.map(normalize));

export function synonymsOf(term: string): string[] {
  const found = groups.filter((g) => g.includes(term)).flat();
  return [term, ...new Set(found.filter((w) => w !== term))];
}

const QUOTED = /^["“”「『](.+)["“”」』]$/;

export function parseQuery(raw: string): ParsedQuery {
  const text = normalize(raw);
  const quoted = QUOTED.exec(text);
  if (quoted?.[1]) {
    const phrase = quoted[1].trim();
    return { text: phrase, terms: [{ text: phrase, alternatives: [phrase] }], exact: true };
  }
  const words = [...new Set(text.split(" ").filter(Boolean))];
  return { text, terms: words.map((w) => ({ text: w, alternatives: synonymsOf(w) })), exact: false };
}
