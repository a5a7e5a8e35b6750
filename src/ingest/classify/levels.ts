// Heading levels (1–3) from the numbering schemes a report uses and its unnumbered part headings.
import headingWords from "../lexicon/headings.json" with { type: "json" };
import { alternation } from "../text.ts";
import { type ClassifiedLine, isAppendixHeading } from "./lines.ts";
import { SCHEMES } from "./schemes.ts";

const PART_WORDS = new RegExp(alternation(headingWords.partWords), "u");

function schemeLevelRanks(lines: ClassifiedLine[]): Map<number, 1 | 2 | 3> {
  const ranks = new Set<number>();
  for (const l of lines) {
    if (l.kind === "heading" && l.scheme && l.scheme !== "headline" && l.scheme !== "ordinal-line") {
      const r = SCHEMES.find((s) => s.scheme === l.scheme)?.rank;
      if (r !== undefined) ranks.add(r);
    }
  }
  const sorted = [...ranks].sort((a, b) => a - b);
  const map = new Map<number, 1 | 2 | 3>();
  sorted.forEach((r, i) => {
    map.set(r, Math.min(3, i + 1) as 1 | 2 | 3);
  });
  return map;
}

export function assignLevels(lines: ClassifiedLine[]): void {
  const rankLevel = schemeLevelRanks(lines);
  const headings = lines.filter((l) => l.kind === "heading");
  const unnumbered = headings.filter((h) => h.scheme === "headline" || h.scheme === "ordinal-line");
  const isNumbered = (h: ClassifiedLine) =>
    h.scheme !== "headline" && h.scheme !== "ordinal-line" && h.scheme !== "markdown";
  const hasNumbered = headings.some(isNumbered);
  const yearLed = (h: ClassifiedLine) => /^\d{4}年/u.test(h.heading ?? h.text);
  const someYear = unnumbered.some(yearLed);
  const someOther = unnumbered.some((h) => !yearLed(h));
  // "2023年工作回顾" / "2024年重点工作" above numbered sections: parts that head the hierarchy.
  const isPart = (h: ClassifiedLine) =>
    (h.scheme === "headline" || h.scheme === "ordinal-line") &&
    (h.heading ?? h.text).length <= 24 &&
    (yearLed(h) || PART_WORDS.test(h.heading ?? h.text));
  const firstNumbered = headings.findIndex(isNumbered);
  const partsOnTop = hasNumbered && headings.slice(0, Math.max(0, firstNumbered)).some(isPart);
  let prevLevel: 1 | 2 | 3 | 0 = 0;
  // An appendix (附件, 名词解释) stands beside the report's parts: its own numbered items sit below it.
  let inAppendix = false;
  // Markdown levels count from the shallowest one used below the title ("##" sections -> 1).
  const mdTop = Math.min(4, ...headings.filter((h) => h.scheme === "markdown").map((h) => h.level ?? 1));
  for (const h of headings) {
    if (h.scheme === "markdown") {
      h.level = Math.max(1, Math.min(3, (h.level ?? 1) - mdTop + 1)) as 1 | 2 | 3;
      prevLevel = h.level;
      continue;
    }
    if ((h.scheme === "headline" || h.scheme === "ordinal-line") && isAppendixHeading(h)) {
      h.level = 1;
      inAppendix = true;
    } else if (h.scheme === "headline" || h.scheme === "ordinal-line") {
      if (partsOnTop && isPart(h)) h.level = 1;
      else if (!hasNumbered) h.level = someYear && someOther ? (yearLed(h) ? 1 : 2) : 1;
      else h.level = prevLevel === 0 ? 1 : (Math.min(3, prevLevel + 1) as 1 | 2 | 3);
      if (hasNumbered && !(partsOnTop && isPart(h))) continue; // do not reset the numbered hierarchy
    } else {
      const rank = SCHEMES.find((s) => s.scheme === h.scheme)?.rank ?? 1;
      const level = rankLevel.get(rank) ?? 1;
      h.level = (partsOnTop || inAppendix ? Math.min(3, level + 1) : level) as 1 | 2 | 3;
    }
    prevLevel = h.level;
  }
}
