// How the search compares text: normalised forms, and a term's words as the browser segments them.
// Apart from the query parser so that code marking results does not carry the synonym lexicon.

/** Full-width forms to ASCII (５．２％ → 5.2%), one space between words, lower case for Latin. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\u200b/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** Words of a term as the browser's segmenter sees them, for the "every word" tier. */
export function wordsOf(term: string): string[] {
  if (typeof Intl.Segmenter !== "function") return [term];
  const segments = new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(term);
  return [...segments].filter((s) => s.isWordLike).map((s) => s.segment);
}
