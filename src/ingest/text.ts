// Small character-class helpers shared by the stages.

export const HAN = "\\p{Script=Han}";

/** Sentence-final punctuation, optionally followed by closing quotes/brackets. */
const TERMINATED = /(?:[。！？；…!?;]|\.{3,}|[。！？；!?][”’」』）)】]+|[：:])$/u;
const ENDS_CLAUSE = /[，、,：:（(“‘《—-]$/u;

export function isTerminated(text: string): boolean {
  // Only the tail matters; testing the whole text would rescan long paragraphs on every join.
  return TERMINATED.test(text.length > 8 ? text.slice(-8) : text);
}

/** Ends in the middle of a clause (comma, opening bracket…): certainly continues. */
export function endsMidClause(text: string): boolean {
  return ENDS_CLAUSE.test(text.length > 4 ? text.slice(-4) : text);
}

export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
}

/** "政 府 工 作 报 告" -> "政府工作报告"; other text unchanged. */
export function unLetterSpace(text: string): string {
  if (/^\p{Script=Han}(?: +\p{Script=Han}){2,}$/u.test(text)) return text.replace(/ +/g, "");
  return text;
}

/** A word as a literal inside a regex. */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
/** A regex alternation of words, in their order (the first that fits is taken). */
export const alternation = (list: readonly string[]) => list.map(escapeRegex).join("|");
/** A regex character class of single characters (a list of one-character words). */
export const charClass = (chars: readonly string[]) =>
  `[${chars.map((c) => c.replace(/[\\\]^-]/gu, "\\$&")).join("")}]`;

/** Values of the Chinese digits (两 is 2). */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/** Values of the Chinese places below 万. */
export const CN_PLACES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Chinese numerals up to the thousands ("二〇〇三" digit by digit, "二十三" by place). */
export function chineseToNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) {
    let v = 0;
    for (const ch of s) v = v * 10 + (CN_DIGITS[ch] ?? 0);
    return v;
  }
  if (!/^[〇零一二两三四五六七八九十百千]+$/.test(s)) return null;
  let total = 0;
  let cur = 0;
  for (const ch of s) {
    const place = CN_PLACES[ch];
    if (place !== undefined) {
      total += (cur || 1) * place;
      cur = 0;
    } else cur = CN_DIGITS[ch] ?? 0;
  }
  return total + cur;
}
