// Content a scraper repeated: the header further down, whole paragraphs and the headings of a
// body copy.
import { isTerminated } from "../text.ts";
import type { ClassifiedLine } from "./lines.ts";

const key = (t: string) => t.replace(/\s+/gu, "");

/** Consecutive content lines that repeat an earlier run make a body copy when they hold this much text. */
const MIN_COPY_CHARS = 300;

/**
 * A page that holds its body twice (a scraper took the article and its print view): a run of
 * content lines repeating an earlier run line for line is a copy, whatever its lines are
 * (wrapped pieces, headings, short paragraphs), and leaves the body as duplicate furniture.
 */
function markRepeatedRuns(lines: ClassifiedLine[]): void {
  const content = lines.filter((l) => l.kind === "body" || l.kind === "heading");
  // A heading's text may be more than its line (one broken over two lines); a run-in heading's line is its paragraph.
  const fullText = (l: ClassifiedLine) => (l.kind === "heading" && !l.runIn ? (l.heading ?? l.text) : l.text);
  const keys = content.map((l) => key(fullText(l)));
  const first = new Map<string, number>();
  let i = 0;
  while (i < content.length) {
    const j = first.get(keys[i] as string);
    if (j === undefined || (keys[i] as string).length < 10) {
      if (j === undefined) first.set(keys[i] as string, i);
      i++;
      continue;
    }
    let n = 0;
    let chars = 0;
    while (i + n < content.length && j + n < i && keys[i + n] === keys[j + n]) {
      chars += (keys[i + n] as string).length;
      n++;
    }
    // The copy may open with lines too short to start it ("各位代表："): it reaches back over them.
    let back = 0;
    while (back < j && keys[i - back - 1] === keys[j - back - 1] && i - back - 1 > j) back++;
    if (chars >= MIN_COPY_CHARS) {
      for (const l of content.slice(i - back, i + n)) {
        l.text = fullText(l);
        l.kind = "furniture";
        l.furniture = "duplicate";
      }
      i += n;
    } else i++;
  }
}

export function markDuplicates(lines: ClassifiedLine[]): void {
  markRepeatedRuns(lines);
  const seen = new Set<string>();
  // A second copy of the header (title, venue, speaker lines, the page headline above the title)
  // further down is a duplicate.
  const header = new Set(
    lines
      .filter((l) => l.kind === "title" || l.kind === "meta" || l.furniture === "title-chrome")
      .map((l) => key(l.text)),
  );
  for (const l of lines) {
    if ((l.kind === "body" || l.kind === "heading") && header.has(key(l.text))) {
      l.kind = "furniture";
      l.furniture = "duplicate";
    }
  }
  // The previous content line, kept as we go (not searched back: a long run of copies is linear).
  let prev: ClassifiedLine | undefined;
  for (const l of lines) {
    const before = prev;
    if (l.kind !== "blank" && l.kind !== "furniture") prev = l;
    // A run-in heading is a paragraph too (its text is the whole paragraph).
    if (l.kind !== "body" && !l.runIn) continue;
    const k = key(l.text);
    if (k.length < 20) continue;
    // Only whole paragraphs count: pieces of hard-wrapped text repeat common phrases.
    if (!isTerminated(l.text) || (before && before.kind === "body" && !isTerminated(before.text))) continue;
    if (seen.has(k)) {
      l.kind = "furniture";
      l.furniture = "duplicate";
      prev = before;
    } else seen.add(k);
  }
  // Headings of a repeated body copy: a repeated heading whose section is all duplicates.
  const headSeen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "heading" || l.runIn) continue;
    const k = key(l.heading ?? l.text);
    if (headSeen.has(k)) {
      let allDup = true;
      let any = false;
      for (let j = i + 1; j < lines.length; j++) {
        const m = lines[j] as ClassifiedLine;
        if (m.kind === "heading") break;
        if (m.kind === "body") {
          allDup = false;
          break;
        }
        if (m.kind === "furniture" && m.furniture === "duplicate") any = true;
      }
      if (allDup && any) {
        l.kind = "furniture";
        l.furniture = "duplicate";
        l.text = l.heading ?? l.text;
      }
    } else headSeen.add(k);
  }
}
