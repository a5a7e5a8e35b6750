// Page furniture by pattern (lexicon/furniture.json): whole lines, and bylines or photo credits a
// layout glued to the end of a paragraph.
import furnitureLexicon from "../lexicon/furniture.json" with { type: "json" };
import type { SourceLine } from "../segment.ts";
import { alternation, escapeRegex, isTerminated } from "../text.ts";
import type { FurnitureType } from "../types.ts";
import type { ClassifiedLine } from "./lines.ts";

interface FurniturePattern {
  type: FurnitureType;
  re: RegExp;
  tail: boolean;
  maxLength: number;
}

const FURNITURE: FurniturePattern[] = furnitureLexicon.patterns.map((p) => ({
  type: p.type as FurnitureType,
  re: new RegExp(p.pattern, "u"),
  tail: "tail" in p && p.tail === true,
  maxLength: "maxLength" in p && typeof p.maxLength === "number" ? p.maxLength : 400,
}));

export function matchFurniture(text: string): FurniturePattern | null {
  for (const p of FURNITURE) {
    if (text.length <= p.maxLength && p.re.test(text)) return p;
  }
  return null;
}

const credits = furnitureLexicon.credits;
const REPORTER = `(?:${alternation(credits.reporters)})`;
const PHOTO_MARK = escapeRegex(credits.photoMark);

const TRAILING_BYLINE = new RegExp(
  `^(.*?[。！？”』」…])\\s*([\\p{Script=Han}·]{0,12}?(?:${alternation(credits.reporterTitles)})?${REPORTER}\\s*[：:]?\\s*[\\p{Script=Han}·、 /／]{2,60}?)$`,
  "u",
);

const TRAILING_PHOTO = new RegExp(
  `^(.*?[。！？”])\\s*((?:${alternation(credits.photoOutlets)})?(?:${alternation(credits.photoReporters)})?\\s*[\\p{Script=Han}·\\s]{2,20}\\s*${PHOTO_MARK})$`,
  "u",
);

/** A line that may end in a byline or a photo credit: it names a reporter or ends on the photo mark. */
const MAY_END_IN_CREDIT = new RegExp(`${REPORTER}|${PHOTO_MARK}$`, "u");

/** A byline that credits a photo or picture ("文/图 张三", "记者 李四 摄"). */
export const PHOTO_CREDIT = new RegExp(`[/／]\\s*${escapeRegex(credits.pictureWord)}|${PHOTO_MARK}$`, "u");

/** Splits bylines and photo credits that a layout glued to the end of a paragraph. */
export function splitTrailing(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let lastText = "";
  for (const l of lines) {
    const t = l.text;
    // A caption starts its own block: never the tail of an unfinished paragraph. A short line
    // without a clause mark is no paragraph's piece ("国务院总理 温家宝" above a page photo), unless
    // it is page furniture set into one ("下转第2版").
    const fresh =
      lastText === "" ||
      isTerminated(lastText) ||
      (lastText.length <= 16 && !/[，、,：:]/u.test(lastText) && !matchFurniture(lastText));
    if (t) lastText = t;
    // After a split the byline, not the line's raw end, is what precedes the next line.
    const mark = out.length;
    if (t.length > 8 && MAY_END_IN_CREDIT.test(t)) {
      const photo = TRAILING_PHOTO.exec(t);
      if (photo && !matchFurniture(t)) {
        const before = photo[1] as string;
        // A short text before a photo credit is the photo's caption, of one sentence or a few
        // ("3月5日，…在北京人民大会堂开幕。国务院总理温家宝作政府工作报告。新华社记者刘建生摄").
        const isCaption = fresh && before.length <= 80 && (before.match(/[。！？]/gu)?.length ?? 0) <= 3;
        out.push({ text: before, line: l.line, ...(isCaption ? { forced: "caption" as const } : {}) });
        out.push({ text: photo[2] as string, line: l.line, forced: "credit" });
        lastText = "。";
        continue;
      }
      const by = TRAILING_BYLINE.exec(t);
      if (by && !matchFurniture(t)) {
        const before = by[1] as string;
        // One short sentence before a byline is a photo caption ("任振鹤作政府工作报告。").
        const isCaption = fresh && before.length <= 24 && /^[^。！？，,；]+[。！？]$/u.test(before);
        out.push({ text: before, line: l.line, ...(isCaption ? { forced: "caption" as const } : {}) });
        out.push({ text: (by[2] as string).trim(), line: l.line, forced: "byline" });
        lastText = out.length > mark ? "。" : lastText;
        continue;
      }
    }
    out.push(l);
  }
  return out;
}

/** Whether a line leaves a bracket open ("（责任编辑： 郭桢"). */
function opensBracket(text: string): boolean {
  const open = text.match(/[（(【[]/gu)?.length ?? 0;
  const close = text.match(/[）)】\]]/gu)?.length ?? 0;
  return open > close;
}

/**
 * Whole-line furniture from the lexicon; sidebars swallow the rest of the file. Position is
 * measured in characters: a long sidebar must not hide that the body came first.
 */
export function markFurnitureLines(lines: ClassifiedLine[]): void {
  let totalChars = 0;
  for (const l of lines) totalChars += l.text.length;
  let seen = 0;
  let tailType: FurnitureType | null = null;
  let labelPending = false;
  let prev: ClassifiedLine | undefined;
  for (const l of lines) {
    if (l.kind === "blank") continue;
    const before = prev;
    prev = l;
    seen += l.text.length;
    if (tailType) {
      l.kind = "furniture";
      l.furniture = tailType;
      continue;
    }
    if (l.kind === "furniture") continue;
    // "（责任编辑： 郭桢" / "）": the bracket closing a furniture line belongs to it, not to the paragraph above.
    if (before?.kind === "furniture" && /^[）)】\]]$/u.test(l.text) && opensBracket(before.text)) {
      l.kind = "furniture";
      l.furniture = before.furniture ?? "chrome";
      continue;
    }
    // "来源：" / "阅读：" on one line and the value on the next: the value is chrome too.
    if (labelPending && l.text.length <= 30 && !/[。！？；]/u.test(l.text)) {
      l.kind = "furniture";
      l.furniture = "chrome";
      labelPending = false;
      continue;
    }
    labelPending = false;
    const p = matchFurniture(l.text);
    if (!p) continue;
    l.kind = "furniture";
    l.furniture = p.type;
    if (p.type === "chrome" && /^[\p{Script=Han}A-Za-z]{1,6}\s*[：:]$/u.test(l.text)) labelPending = true;
    if (p.tail && seen > totalChars * 0.5) tailType = p.type;
  }
}
