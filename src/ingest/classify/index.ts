// Stage 5: every line -> title | meta | heading | body | furniture | blank, in named stages run in
// order (each marks the lines it decides). Furniture patterns and the words the rules look for
// are data (lexicon/); the rules use the layout context (blank-line gaps, neighbours, position) a
// pattern cannot see.
import type { SourceLine } from "../segment.ts";
import { markDuplicates } from "./duplicates.ts";
import { markFurnitureLines, splitTrailing } from "./furniture.ts";
import { detectHeader } from "./header.ts";
import { classifyBody } from "./headings.ts";
import { assignLevels } from "./levels.ts";
import type { ClassifiedDoc, ClassifiedLine } from "./lines.ts";
import {
  linkFragments,
  markNavigation,
  markPreviews,
  markSandwichedLinks,
  markTrailingLinks,
} from "./navigation.ts";

export function classifyLines(input: SourceLine[]): ClassifiedDoc {
  const pre = splitTrailing(input);
  const lines: ClassifiedLine[] = pre.map((l) => {
    if (!l.text) return { text: "", line: l.line, kind: "blank" };
    if (l.forced) return { text: l.text, line: l.line, kind: "furniture", furniture: l.forced };
    return { text: l.text, line: l.line, kind: "body" };
  });
  const meta: ClassifiedDoc["meta"] = {};

  // 1. Whole-line furniture from the lexicon.
  markFurnitureLines(lines);

  // 2. Navigation menus, link-list footers, summary previews and inline-link fragments of scraped pages.
  markNavigation(lines);
  markTrailingLinks(lines);
  markSandwichedLinks(lines);
  markPreviews(lines);
  const fragments = linkFragments(lines);

  // 3. Header zone: title, meta and chrome before the first paragraph.
  const title = detectHeader(lines, meta);

  // 4. Headings and body, then heading levels.
  classifyBody(lines, fragments);
  assignLevels(lines);

  // 5. Content duplicated by scrapers (previews, whole bodies twice).
  markDuplicates(lines);

  return { lines, title, meta };
}

export { matchFurniture } from "./furniture.ts";
export { detectKind } from "./header.ts";
export type { ClassifiedDoc, ClassifiedLine, HeadingScheme, ItemKind } from "./lines.ts";
