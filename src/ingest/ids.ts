// Stage 9: stable, content-derived anchor ids. Section ids come from the pinyin of the
// heading, block ids from a hash of the block's text, stat ids from their block and
// text: editing one paragraph changes only that paragraph's ids.
import { pinyin } from "pinyin-pro";

export const LEAD_SECTION_ID = "qianyan";
const MAX_ID = 32;

/** FNV-1a, 32 bit, over UTF-16 code units: small, fast and synchronous. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shortHash(text: string): string {
  return fnv1a(text).toString(36).padStart(7, "0");
}

/** Text as compared for identity: whitespace carries no meaning. */
function normaliseForId(text: string): string {
  return text.replace(/\s+/gu, "");
}

/** ASCII words of a text: pinyin syllables for Han characters, runs of letters/digits otherwise. */
export function asciiWords(text: string): string[] {
  const tokens = pinyin(text, { toneType: "none", type: "array", nonZh: "consecutive", v: true }) as string[];
  const words: string[] = [];
  for (const tok of tokens) {
    for (const w of tok.toLowerCase().split(/[^a-z0-9]+/u)) if (w) words.push(w);
  }
  return words;
}

/** Joins words with "-" up to `max` characters, never cutting inside a word. */
export function joinWords(words: string[], max = MAX_ID): string {
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) {
      if (!out) out = w.slice(0, max);
      break;
    }
    out = next;
  }
  return out;
}

const NUMBER_PREFIX =
  /^(?:第[一二三四五六七八九十百零〇两\d]{1,4}(?:部分|章|篇|编|节|条)|[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．]|[①-⑳])\s*/u;

export function sectionBaseId(heading: string): string {
  const stripped = heading.replace(NUMBER_PREFIX, "").trim() || heading;
  return joinWords(asciiWords(stripped)) || "section";
}

/** Makes ids unique in order of appearance: the second "x" becomes "x-2", the third "x-3". */
export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly counts = new Map<string, number>();

  take(base: string): string {
    let n = this.counts.get(base) ?? 0;
    let id = base;
    while (this.used.has(id)) {
      n++;
      id = `${base}-${n + 1}`;
    }
    if (id !== base) this.counts.set(base, n);
    this.used.add(id);
    return id;
  }
}

export function blockBaseId(text: string): string {
  return `p-${shortHash(normaliseForId(text))}`;
}

export function statBaseId(blockId: string, text: string, occurrence: number): string {
  return `s-${shortHash(`${blockId}|${text}|${occurrence}`)}`;
}

/** URL segment from a file name: pinyin for Chinese, other runs collapsed to "-". */
export function slugFromPath(path: string): string {
  const base = path.split(/[\\/]/u).pop() ?? path;
  const stem = base.replace(/\.[A-Za-z0-9]{1,6}$/u, "");
  const words = asciiWords(stem);
  const slug = words.join("-").slice(0, 80).replace(/-+$/u, "");
  return slug || "report";
}
