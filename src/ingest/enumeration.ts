// Chinese reports enumerate inside a paragraph: "…路子。一是全力加快陆港建设。…二是强力推进…".
// On the page such a paragraph reads better as its opening words followed by a list, each item
// led by its bold first sentence. This finds the spans (of a list block too: its lines); the text
// itself is never changed.
import { normalizePunctuation } from "../shared/punctuation.ts";
import type { Block, Enumeration } from "./types.ts";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/**
 * The ways reports number items inside a paragraph: 一是/二是, （1）/（2）, （一）/（二）. The
 * parentheses are the full-width display forms (see src/shared/punctuation.ts).
 */
const MARKERS: Array<(ordinal: number) => string | undefined> = [
  (n) => NUMERALS[n] && `${NUMERALS[n]}是`,
  (n) => (n < 30 ? `（${n + 1}）` : undefined),
  (n) => NUMERALS[n] && `（${NUMERALS[n]}）`,
];
/** What may stand right before an enumerator: the paragraph start or the end of a clause. */
const BREAK_BEFORE = new Set(["。", "；", ";", "：", ":", "！", "？", "\n"]);
/** An item's first sentence is bold when it is a short heading-like sentence. */
const MAX_LEAD = 40;

interface Spans {
  /** Length of the text before the first item (0 when the paragraph starts with "一是"). */
  intro: number;
  /** [start, end) of each item, covering the rest of the text. */
  items: Array<[number, number]>;
}

function enumeratorAt(text: string, marker: string, from: number): number {
  for (let i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
    if (i === 0 || BREAK_BEFORE.has(text.charAt(i - 1))) return i;
  }
  return -1;
}

function itemStarts(text: string, marker: (ordinal: number) => string | undefined): number[] {
  const starts: number[] = [];
  let from = 0;
  for (let n = 0, m = marker(0); m !== undefined; m = marker(++n)) {
    const at = enumeratorAt(text, m, from);
    if (at < 0) break;
    starts.push(at);
    from = at + m.length;
  }
  return starts;
}

/** The numbered items (一是 …, （1）…) of a paragraph, in order; undefined unless there are two. */
export function enumeration(text: string): Spans | undefined {
  for (const marker of MARKERS) {
    const starts = itemStarts(text, marker);
    if (starts.length < 2) continue;
    const items = starts.map((start, i): [number, number] => [start, starts[i + 1] ?? text.length]);
    return { intro: starts[0] ?? 0, items };
  }
  return undefined;
}

/** Length of an item's bold lead-in ("一是全力加快国际陆港建设。"), or undefined when it has none. */
export function itemLead(text: string, from: number, to: number): number | undefined {
  const end = text.indexOf("。", from);
  if (end < 0 || end + 1 >= to || end + 1 - from > MAX_LEAD) return undefined;
  return end + 1 - from;
}

/** [start, end) of the "\n"-joined lines of a list block, empty lines left out. */
function lineSpans(value: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const line of value.split("\n")) {
    if (line.trim()) spans.push([start, start + line.length]);
    start += line.length + 1;
  }
  return spans;
}

/** A block read as a list (a list block's lines, or a paragraph's numbered items), with item leads. */
export function blockEnumeration(block: Pick<Block, "type" | "text">): Enumeration | undefined {
  // Found in the text as shown (full-width punctuation: same offsets as the source text).
  const shown = normalizePunctuation(block.text);
  const spans = block.type === "list" ? { intro: 0, items: lineSpans(shown) } : enumeration(shown);
  if (!spans) return undefined;
  return {
    intro: spans.intro,
    items: spans.items.map(([start, end]) => {
      const lead = itemLead(shown, start, end);
      return lead === undefined ? { start, end } : { start, end, lead };
    }),
  };
}
