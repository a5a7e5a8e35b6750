// The words pagefind indexes and searches: Chinese as overlapping character pairs (营商环境 →
// 营商 商环 环境 境), so any part of a word is found and a quoted (positional) search of a query's
// pairs is exactly a substring search; no segmenter at index time can disagree with one at query
// time. A run of Chinese ends with its last character alone, so a one-character query (prefix
// search) also finds 碳 at the end of 低碳. Latin letters and figures are whole words (785.6, gdp),
// so 12 never matches 120; anything else (punctuation, %) is a word of its own that pagefind
// stores but does not index. The same words, one space apart, are the record's stored text, which
// `displayText` turns back into the text; pagefind collapses runs of spaces in what it stores, so a
// space of the text is a word of its own, SPACE_WORD.

/** Full-width digits, Latin letters, "．" and "％" as ASCII, so ５．２％ is found as 5.2%. */
const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ．％]/gu;
const halfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) - 0xfee0));

const HAN = /\p{Script=Han}/u;
/** A space of the text (U+2420 SYMBOL FOR SPACE): not a letter, so pagefind stores it unindexed. */
const SPACE_WORD = "\u2420";
/** A run of Chinese, a Latin word or figure (decimal points inside), a space, or any other character. */
const RUN = /(\p{Script=Han}+)|([A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)|( )|([\s\S])/gu;

/** The pairs of a run of Chinese, and its last character alone when `closed` (the run ends there). */
function pairs(run: string, closed: boolean): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  if (closed || chars.length === 1) out.push(chars.at(-1) as string);
  return out;
}

/**
 * A text as pagefind's words, one space apart; a space of the text is SPACE_WORD, so
 * `displayText` can restore it (a SPACE_WORD in the text itself reads as a space).
 */
export function indexText(text: string): string {
  const flat = halfWidth(text).replaceAll(SPACE_WORD, " ").replace(/\s+/gu, " ").trim();
  const words: string[] = [];
  for (const [, han, latin, space, other] of flat.matchAll(RUN)) {
    if (han) words.push(...pairs(han, true));
    else if (space) words.push(SPACE_WORD);
    else words.push((latin ?? other) as string);
  }
  return words.join(" ");
}

/** The text a reader reads from `indexText`'s output. */
export const displayText = (indexed: string): string =>
  indexed
    .split(" ")
    .map((word) => {
      if (word === SPACE_WORD) return " ";
      const [first = ""] = word;
      return HAN.test(first) ? first : word;
    })
    .join("");

/**
 * A piece of a query without punctuation, as pagefind should look for it: its words at
 * consecutive positions (a quoted search), or, for a single Chinese character, every word that
 * starts with it (a plain search).
 */
export interface QueryPiece {
  words: string[];
  prefix: boolean;
}

/** Letters, figures (decimal points inside) and Chinese: what a piece of a query is made of. */
const PIECE = /[\p{Script=Han}A-Za-z0-9]+(?:\.[0-9]+[\p{Script=Han}A-Za-z0-9]*)*/gu;

/**
 * The pieces of a (normalised) query term: split where pagefind stores a word it does not index
 * (punctuation, %, spaces), since a quoted search cannot step over those.
 */
export function queryPieces(term: string): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  for (const [piece] of halfWidth(term).matchAll(PIECE)) {
    const runs = [...piece.matchAll(RUN)];
    const words: string[] = [];
    for (const [i, [, han, latin]] of runs.entries()) {
      // A run inside the piece ends where the text's run ends; the last may go on in the text.
      if (han) words.push(...pairs(han, i < runs.length - 1));
      else if (latin) words.push(latin.toLowerCase());
    }
    if (words.length === 1 && [...(words[0] as string)].length === 1 && HAN.test(words[0] as string)) {
      pieces.push({ words, prefix: true });
      continue;
    }
    // A last run of one character may be the start of a longer run in the text: leave it to the
    // check of the hit's text rather than miss the text.
    const last = runs.at(-1)?.[1];
    if (runs.length > 1 && last && [...last].length === 1) words.pop();
    pieces.push({ words, prefix: false });
  }
  return pieces;
}
