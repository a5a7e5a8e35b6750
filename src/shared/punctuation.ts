// Display punctuation (shared by ingest, which reads enumerations in the text as shown, and the
// pages): sources often type half-width ",;:!?()" inside Chinese sentences
// ("785.6亿元,总量"). Shown as full-width forms they sit on the CJK grid as a reader expects.
// Each substitution is one UTF-16 unit for one, so figure offsets into the text stay valid;
// numbers (1,234 · 10:30) and Latin text (GDP, CPI) are left alone.

const FULL: Record<string, string> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "!": "！",
  "?": "？",
  "(": "（",
  ")": "）",
};

/** Han characters and the CJK punctuation that stands between them. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2018\u2019\u201c\u201d\u2026\u2014]/u;
/** Characters after which a comma may be a Chinese clause break even before CJK ("8.5%,其中"). */
const LATIN_LETTER = /[A-Za-z]/;

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);

function clauseMark(text: string, i: number): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (isCjk(prev)) return true;
  return isCjk(next) && (prev === undefined || !LATIN_LETTER.test(prev));
}

/** Full-width forms for half-width punctuation used in Chinese text; same length as the input. */
export function normalizePunctuation(text: string): string {
  if (!/[,;:!?()]/.test(text)) return text;
  const out = text.split("");
  // Parentheses go in pairs: a pair becomes full-width when it holds or touches Chinese text.
  const open: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const ch = out[i];
    if (ch === "(") open.push(i);
    else if (ch === ")") {
      const start = open.pop();
      if (start === undefined) continue;
      const inner = text.slice(start + 1, i);
      if ([...inner].some(isCjk) || isCjk(text[start - 1]) || isCjk(text[i + 1])) {
        out[start] = "（";
        out[i] = "）";
      }
    } else if (ch !== undefined && ch in FULL && ch !== "(" && clauseMark(text, i)) {
      out[i] = FULL[ch] ?? ch;
    }
  }
  return out.join("");
}
