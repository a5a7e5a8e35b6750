// Stage 7: units -> flat sections (nesting by level), a lead section with heading null
// holding any body text before the first heading. Ids are assigned later (ids.ts).
import type { Unit } from "./repair.ts";

export interface DraftBlock {
  type: "paragraph" | "list";
  text: string;
  lead?: number;
  /** The source line the block starts on (for messages; not part of the digest). */
  line: number;
}

export interface DraftSection {
  heading: string | null;
  level: 1 | 2 | 3;
  number?: string;
  runIn?: boolean;
  blocks: DraftBlock[];
}

export function buildSections(units: Unit[]): DraftSection[] {
  const sections: DraftSection[] = [];
  let current: DraftSection | null = null;
  for (const u of units) {
    if (u.type === "heading") {
      current = {
        heading: u.text,
        level: u.level,
        blocks: [],
        ...(u.number ? { number: u.number } : {}),
        ...(u.runIn ? { runIn: true } : {}),
      };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { heading: null, level: 1, blocks: [] };
      sections.push(current);
    }
    const block: DraftBlock = { type: u.type, text: u.text, line: u.line };
    if (u.lead && u.type === "paragraph") block.lead = u.lead;
    current.blocks.push(block);
  }
  return sections;
}
