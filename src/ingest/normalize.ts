// Stage 3: repair character-level damage in the decoded text. Only markup, escapes,
// padding and width variants are touched: every CJK character survives.

const ENTITIES: Record<string, string> = {
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  bull: "•",
  times: "×",
  divide: "÷",
  deg: "°",
  permil: "‰",
  yen: "¥",
  copy: "©",
  reg: "®",
  laquo: "«",
  raquo: "»",
  zwj: "",
  zwnj: "",
  shy: "",
};

const ENTITY_RE = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});?/g;

function decodeEntity(whole: string, body: string): string {
  if (body[0] === "#") {
    const cp =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      return String.fromCodePoint(cp);
    }
    return whole;
  }
  const v = ENTITIES[body.toLowerCase()];
  return v ?? whole;
}

/** Line ends: CR CR LF (raw page dumps), CRLF, lone CR -> LF. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r*\n|\r+/g, (m) => (m.endsWith("\n") ? "\n" : "\n".repeat(m.length)));
}

/**
 * Removes HTML comments and script/style blocks, keeping their line breaks so that
 * line numbers still point into the source.
 */
export function stripMarkupBlocks(text: string): string {
  if (!text.includes("<")) return text;
  const keepBreaks = (m: string) => m.replace(/[^\n]/g, "");
  return text
    .replace(/<!--[\s\S]*?-->/g, keepBreaks)
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, keepBreaks);
}

const FULLWIDTH_DIGIT = /[０-９]/g;
const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;

/**
 * Repairs one source line. The result may contain "\n" where the source carried
 * literal escape sequences or block-level HTML tags standing for line breaks.
 */
export function normalizeLine(line: string): string {
  let s = line;
  if (s.includes("\\")) s = s.replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\\t/g, " ");
  if (s.includes("<")) {
    s = s.replace(/<U\+([0-9A-Fa-f]{4,6})>/g, (whole, hex: string) => {
      const cp = Number.parseInt(hex, 16);
      return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    });
    s = s.replace(/<!--.*?-->/g, "");
    s = s.replace(/<\/?(?:br|p|div|li|tr|h[1-6]|section|article)\b[^<>]{0,300}>/gi, "\n");
    s = s.replace(/<\/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,500})?\s*\/?>/g, "");
  }
  if (s.includes("&")) {
    // Twice: scraped pages carry double-escaped entities ("&amp;nbsp;").
    s = s.replace(ENTITY_RE, decodeEntity).replace(ENTITY_RE, decodeEntity);
  }
  if (s.includes("_M_")) s = s.replace(/_M_M_/g, "%");
  // Runs of "?" are characters (spaces) lost in a GBK round trip.
  if (s.includes("?")) s = s.replace(/\?{2,}|(?<=[\p{Script=Han}。，；：、])\?(?=\p{Script=Han})/gu, " ");
  s = s.replace(ZERO_WIDTH, "");
  s = s.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (s.includes("．")) s = s.replace(/(?<=\d)．(?=\d)/g, ".");
  if (s.includes("％")) s = s.replace(/(?<=\d)％/g, "%");
  // Markdown bold markers carry no meaning in a plain-text digest.
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

/** Whole-text convenience: line ends, markup blocks and every line repaired. */
export function normalizeText(text: string): string {
  return stripMarkupBlocks(normalizeLineEnds(text)).split("\n").map(normalizeLine).join("\n");
}
