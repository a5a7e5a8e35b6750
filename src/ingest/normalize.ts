// Stage 3: repair character-level damage in the decoded text. Only markup, escapes,
// padding and width variants are touched: every CJK character survives.

// Plain text is data: "&amp;", "<b>" or a lone "<!--" in a sentence stay exactly as written.
// Only the residue page dumps are known to carry is repaired: whitespace entities (also
// double-escaped, "&amp;nbsp;"), literal "<U+00A0>" tokens, and comment or script/style blocks
// standing on lines of their own, which become chrome (see markupBlockLines).
const SPACE_ENTITY = /&(?:amp;)?(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0|#8194|#8195|#12288|#x3000);/g;

/** Line ends: CR CR LF (raw page dumps), CRLF, lone CR -> LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r*\n|\r+/g, (m) => (m.endsWith("\n") ? "\n" : "\n".repeat(m.length)));
}

const MARKUP_BLOCK = /<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * 0-based indexes of the lines covered by an HTML comment or a script/style block that stands
 * on lines of its own (nothing but white space before its start and after its end): page-dump
 * residue, not report text. Markup inside a sentence is text and is not matched.
 */
export function markupBlockLines(text: string): Set<number> {
  const out = new Set<number>();
  if (!text.includes("<")) return out;
  for (const m of text.matchAll(MARKUP_BLOCK)) {
    const start = m.index;
    const end = start + m[0].length;
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const lineEnd = text.indexOf("\n", end);
    const after = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    if (/\S/u.test(text.slice(lineStart, start)) || /\S/u.test(after)) continue;
    const first = countBreaks(text, 0, start);
    const last = first + countBreaks(text, start, end);
    for (let i = first; i <= last; i++) out.add(i);
  }
  return out;
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

const FULLWIDTH_DIGIT = /[０-９]/g;
const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;

/**
 * Repairs one source line. The result may contain "\n" where the source carried
 * literal escape sequences ("\\r\\n") standing for line breaks.
 */
export function normalizeLine(line: string): string {
  let s = line;
  if (s.includes("\\")) s = s.replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\\t/g, " ");
  if (s.includes("<U+")) {
    s = s.replace(/<U\+([0-9A-Fa-f]{4,6})>/g, (whole, hex: string) => {
      const cp = Number.parseInt(hex, 16);
      return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    });
  }
  if (s.includes("&")) s = s.replace(SPACE_ENTITY, " ");
  if (s.includes("_M_")) s = s.replace(/_M_M_/g, "%");
  // Runs of "?" are characters (spaces) lost in a GBK round trip; so is a lone one set between
  // Chinese text and a figure ("市长?张三", "增长6.5%?城乡居民").
  if (s.includes("?")) s = s.replace(/\?{2,}|(?<=[\p{Script=Han}。，；：、%\d])\?(?=\p{Script=Han})/gu, " ");
  s = s.replace(ZERO_WIDTH, "");
  s = s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s.includes("．")) s = s.replace(/(?<=\d)．(?=\d)/g, ".");
  if (s.includes("％")) s = s.replace(/(?<=\d)％/g, "%");
  // Digests saved from the web carry Markdown bold even as plain text ("完成**785.6亿元**"), often
  // broken over lines: "**" is markup wherever it stands. A single "*" is text and stays.
  if (s.includes("**")) s = s.replace(/\*\*/g, "");
  s = s.replace(SPACES, " ");
  if (s.includes("\n")) {
    return s
      .split("\n")
      .map((p) => p.replace(/ {2,}/g, " ").trim())
      .join("\n");
  }
  return s.replace(/ {2,}/g, " ").trim();
}

/** Whole-text convenience: line ends and every line repaired; markup blocks are left to the caller. */
export function normalizeText(text: string): string {
  return normalizeLineEnds(text).split("\n").map(normalizeLine).join("\n");
}
