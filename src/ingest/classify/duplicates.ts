// Content a scraper repeated: the header further down, whole paragraphs and the headings of a
// body copy.
import { isTerminated } from "../text.ts";
import type { ClassifiedLine } from "./lines.ts";

export function markDuplicates(lines: ClassifiedLine[]): void {
  const seen = new Set<string>();
  const key = (t: string) => t.replace(/\s+/gu, "");
  // A second copy of the header (title, venue, speaker lines) further down is a duplicate.
  const header = new Set(
    lines.filter((l) => l.kind === "title" || l.kind === "meta").map((l) => key(l.text)),
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
    if (l.kind !== "body") continue;
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
    if (l.kind !== "heading") continue;
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
