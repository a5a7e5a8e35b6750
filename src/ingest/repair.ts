// Stage 6: join paragraphs that page/column breaks, blank lines, hard wraps and
// interleaved furniture cut mid-sentence; gather 一是…/——… runs into lists.
import type { ClassifiedLine, HeadingScheme, ItemKind } from "./classify/index.ts";
import { isTerminated } from "./text.ts";
import type { Furniture } from "./types.ts";

export interface HeadingUnit {
  type: "heading";
  text: string;
  level: 1 | 2 | 3;
  scheme: HeadingScheme;
  number?: string;
  /** Set run-in: the paragraph after it opens with this heading's sentence. */
  runIn?: boolean;
  line: number;
}

export interface BlockUnit {
  type: "paragraph" | "list";
  text: string;
  lead?: number;
  item?: ItemKind;
  line: number;
  /** Set while the paragraph is a lone short sentence that may lead the next one. */
  standalone?: boolean;
}

export type Unit = HeadingUnit | BlockUnit;

export interface Repaired {
  units: Unit[];
  furniture: Furniture[];
}

/** A line that opens with closing punctuation cannot start a paragraph. */
const CONTINUES = /^[，。、；：！？）」』”’%‰,.;:!?)]/u;

/** One short sentence with no inner clause: a run-in sub-heading set on its own line. */
function isLeadSentence(text: string): boolean {
  return text.length >= 4 && text.length <= 20 && /^[^。！？；，,、：:\d]+。$/u.test(text);
}

function joinText(a: string, b: string): string {
  // Latin words cut by a wrap need their space back; CJK text joins directly.
  return /[A-Za-z]/u.test(a.slice(-1)) && /^[A-Za-z]/u.test(b) ? `${a} ${b}` : a + b;
}

export function repairBrokenParagraphs(lines: ClassifiedLine[]): Repaired {
  const units: Unit[] = [];
  const furniture: Furniture[] = [];
  let open: BlockUnit | null = null;
  let pieces: string[] = [];
  let lastPiece = "";
  // Whether furniture stands between the open paragraph and the line being read.
  let apart = false;

  for (const l of lines) {
    const afterFurniture = apart;
    if (l.kind !== "blank") apart = l.kind === "furniture" || l.kind === "meta";
    switch (l.kind) {
      case "blank":
        break;
      case "meta":
        // Venue, date and speaker lines are stored as meta and kept, verbatim, as furniture.
        furniture.push({ type: l.furniture ?? "dateline", text: l.text });
        break;
      case "title":
        // The title line itself is digest.title; a line holding more (a venue) or less (a subtitle
        // joined to the title) than the title is kept verbatim as title chrome.
        if (
          l.heading !== undefined &&
          !l.heading.replace(/\s+/gu, "").includes(l.text.replace(/^#+|\s+/gu, ""))
        ) {
          furniture.push({ type: "title-chrome", text: l.text });
        }
        break;
      case "furniture":
        furniture.push({ type: l.furniture ?? "other", text: l.text });
        break;
      case "heading":
        if (open) {
          open.standalone = false;
          open.text = pieces.join("");
        }
        open = null;
        units.push({
          type: "heading",
          text: l.heading ?? l.text,
          level: l.level ?? 1,
          scheme: l.scheme ?? "headline",
          ...(l.number ? { number: l.number } : {}),
          ...(l.runIn ? { runIn: true } : {}),
          line: l.line,
        });
        if (l.runIn) {
          open = { type: "paragraph", text: l.text, line: l.line, ...(l.lead ? { lead: l.lead } : {}) };
          pieces = [l.text];
          lastPiece = l.text;
          units.push(open);
        }
        break;
      case "body": {
        // A link fragment with no sentence to return to (a finished paragraph, then a footer or
        // sidebar) is a link of the page's chrome.
        if (
          l.glue &&
          afterFurniture &&
          open !== null &&
          isTerminated(lastPiece) &&
          !/[。！？]/u.test(l.text)
        ) {
          furniture.push({ type: "chrome", text: l.text });
          apart = true;
          break;
        }
        // Pieces are collected and joined once: repeated concatenation is quadratic on long texts.
        if (open && (!isTerminated(lastPiece) || CONTINUES.test(l.text) || l.glue)) {
          pieces.push(joinText(lastPiece, l.text).slice(lastPiece.length));
          lastPiece = l.text;
          break;
        }
        if (open) open.text = pieces.join("");
        // A short sentence standing alone ("生态底色更加亮丽。") leads the paragraph after it.
        if (open?.standalone && !open.item && !l.item) {
          open.lead = open.text.length;
          pieces.push(l.text);
          lastPiece = l.text;
          open.standalone = false;
          break;
        }
        open = { type: "paragraph", text: l.text, line: l.line };
        pieces = [l.text];
        lastPiece = l.text;
        if (isLeadSentence(l.text)) open.standalone = true;
        if (l.lead) open.lead = l.lead;
        if (l.item) open.item = l.item;
        units.push(open);
        break;
      }
    }
  }
  if (open) open.text = pieces.join("");
  for (const u of units) if (u.type !== "heading") delete u.standalone;
  return { units: gatherLists(units), furniture };
}

/** Two or more consecutive 一是…/——… paragraphs become one list block. */
function gatherLists(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const u = units[i] as Unit;
    if (u.type === "paragraph" && (u.item === "ordinal" || u.item === "dash")) {
      let j = i + 1;
      while (j < units.length) {
        const v = units[j] as Unit;
        if (v.type !== "paragraph" || v.item !== u.item) break;
        j++;
      }
      if (j - i >= 2) {
        const items = units.slice(i, j) as BlockUnit[];
        out.push({ type: "list", text: items.map((b) => b.text).join("\n"), item: u.item, line: u.line });
        i = j;
        continue;
      }
    }
    out.push(u);
    i++;
  }
  return out;
}
