// The lines every classification stage reads and marks: their kinds and what a stage may set on
// them, and the small questions about a line or its neighbours several stages ask.
import documentWords from "../lexicon/document.json" with { type: "json" };
import headingWords from "../lexicon/headings.json" with { type: "json" };
import type { SourceLine } from "../segment.ts";
import { alternation, charClass, endsMidClause, hasHan, isTerminated } from "../text.ts";
import type { FurnitureType } from "../types.ts";

export type LineKind = "blank" | "title" | "meta" | "heading" | "body" | "furniture";

export type HeadingScheme =
  | "part" // 第一部分 / 第一章 / 第一篇
  | "cn" // 一、
  | "cn-paren" // （一）
  | "section" // 第一节
  | "ordinal" // 第一，… on a line of its own
  | "article" // 第一条
  | "arabic" // 1. / 1、
  | "arabic-paren" // (1)
  | "circled" // ①
  | "ordinal-line" // "2" on its own line, then the heading
  | "headline" // unnumbered newspaper headline
  | "markdown"; // "## 标题" in Markdown sources: the level is given

export type ItemKind = "ordinal" | "dash" | "numbered";

export interface ClassifiedLine extends SourceLine {
  kind: LineKind;
  /** Heading text (may differ from `text`: merged two-line headings, stripped ordinals). */
  heading?: string;
  level?: 1 | 2 | 3;
  scheme?: HeadingScheme;
  /** The heading's own number when it stood on a separate line. */
  number?: string;
  furniture?: FurnitureType;
  /** Meta lines keep a furniture type too: they leave the body like furniture does. */
  /** Body lines: length of a bold lead-in sentence at the start. */
  lead?: number;
  /** Body lines that open a list item (一是… / ——… / 1.…). */
  item?: ItemKind;
  /** Body text that always continues the paragraph before it (an inline link fragment). */
  glue?: boolean;
  /** A heading set run-in: `heading` is its title, `text` the paragraph it opens, `lead` the title sentence. */
  runIn?: boolean;
}

export interface ClassifiedDoc {
  lines: ClassifiedLine[];
  title: string | null;
  meta: {
    region?: string;
    year?: number;
    date?: string;
    kind?: string;
    speaker?: string;
    role?: string;
    meeting?: string;
    subtitle?: string;
    /** The venue line as printed, when it shared a line with the title. */
    venue?: string;
  };
}

/** "附件1" on its own line: the label of the appendix whose title follows. */
export const APPENDIX_LABEL = new RegExp(
  `^(?:${alternation(headingWords.appendixLabels)})\\s*[\\d一二三四五六七八九十]{0,3}\\s*[:：]?$`,
  "u",
);
/** Back matter after the report's last part: "名词解释", "※注释※", "[名词解释]", "附录". */
const APPENDIX_TITLE = new RegExp(
  `^[[［【〔※\\s]*(?:${alternation(headingWords.appendixTitles)})[\\]］】〕※\\s]*$`,
  "u",
);

/** An appendix heading: back matter, or the title under an 附件 label. */
export function isAppendixHeading(l: ClassifiedLine): boolean {
  return l.number !== undefined ? APPENDIX_LABEL.test(l.number) : APPENDIX_TITLE.test(l.heading ?? l.text);
}

export const TITLE_WORD = new RegExp(alternation(documentWords.titleWords), "u");

/** A line opening with a salutation ("各位…") is the speech's address, never a title or a link. */
export const ADDRESS_OPENER = new RegExp(`^(?:${alternation(documentWords.addressOpeners)})`, "u");
const SALUTATION = new RegExp(`^(?:${alternation(documentWords.salutations)})`, "u");

const NOT_HEADLINE_END = new RegExp(`${charClass(headingWords.notHeadlineEnds)}$`, "u");

export function isHeadlineish(text: string): boolean {
  if (text.length < 2 || text.length > 48) return false;
  if (!hasHan(text)) return false;
  if (isTerminated(text) || endsMidClause(text)) return false;
  if (/[。！？；]/u.test(text)) return false;
  const commas = text.match(/[，,]/gu)?.length ?? 0;
  if (commas > 1 || (commas === 1 && text.length > 16)) return false;
  // Headlines end on a word, not on a figure or a function word: such a line is a cut paragraph.
  if (/\d$/u.test(text)) return false;
  if (NOT_HEADLINE_END.test(text)) return false;
  return true;
}

export function isBodyStart(text: string): boolean {
  if (SALUTATION.test(text)) return true;
  return text.length >= 40 && /[。！？；]/u.test(text);
}

export function nextContent(lines: ClassifiedLine[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) {
    const k = lines[j]?.kind;
    if (k !== "blank" && k !== "furniture") return j;
  }
  return -1;
}

export function previousContent(lines: ClassifiedLine[], i: number): ClassifiedLine | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const k = lines[j]?.kind;
    if (k !== "blank" && k !== "furniture") return lines[j];
  }
  return undefined;
}

export function countBlanksBefore(lines: ClassifiedLine[], i: number): number {
  let n = 0;
  for (let j = i - 1; j >= 0 && lines[j]?.kind === "blank"; j--) n++;
  return n;
}
