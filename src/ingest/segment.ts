// Stage 4: text -> lines, each with the source line it came from. Files without line
// breaks (or with absurdly long lines) are cut at heading and sentence boundaries.
import { markupBlockLines, normalizeLine, normalizeLineEnds } from "./normalize.ts";
import type { FurnitureType } from "./types.ts";

export interface SourceLine {
  /** Normalised text of the line ("" for a blank line). */
  text: string;
  /** 1-based line number in the source file. */
  line: number;
  /** Furniture known before classification (page-dump markup blocks, an HTML page's chrome). */
  forced?: FurnitureType;
}

/** Lines longer than this are not paragraphs but whole documents run together. */
export const LONG_LINE = 6000;
const CHUNK = 1500;

const HEADING_START =
  /[ 。！？；](?=[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)/g;
const TERMINAL = /[。！？；][”’」』）)]?/g;
/** In a run-together document a space after a sentence end is where a paragraph ended. */
const PARAGRAPH_SPACE = /(?<=[。！？；][”’」』）)]?) (?=\S)/g;
const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff";
const WRAP_SPACE = new RegExp(`(?<=[${CJK}，、；：“”（）《》])\\s(?=[${CJK}，、。；：！？“”（）《》])`, "g");
/**
 * Spaces between Han characters per 1,000 characters above which a file's print line breaks
 * survive as spaces ("比上年增 长"); below it such a space is meant ("中共中央 国务院").
 */
const WRAP_SPACE_DENSITY = 3;
/** Short lines keep their spaces: letter-spaced titles, "国务院总理 温家宝" bylines. */
const MIN_WRAPPED_LINE = 12;
/** Fewer wrap spaces than this say nothing about a file (a short text's bylines and slogans). */
const MIN_WRAP_SPACES = 20;
const WRAPPED_RUN = new RegExp(`[^\\s]{8}${WRAP_SPACE.source}`, "g");
const HAS_SPACE = /\s/u;

/** Splits a run-together document line into heading and paragraph-sized pieces. */
export function splitLongLine(text: string): string[] {
  // Break before heading markers that follow a space or a sentence end.
  const marked = text
    .replace(HEADING_START, (m) => (m === " " ? "\n" : `${m}\n`))
    .replace(PARAGRAPH_SPACE, "\n");
  const out: string[] = [];
  for (let piece of marked.split("\n")) {
    piece = piece.trim();
    if (!piece) continue;
    // A heading directly followed by its text: the first space within the heading length ends it.
    const head =
      /^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}部分)([^ 。！？；]{2,40}) (.+)$/.exec(
        piece,
      );
    if (head) {
      out.push(`${head[1]}${head[2]}`);
      piece = head[3] as string;
    }
    // Spaces between CJK characters in such files are left-over hard wraps.
    piece = piece.replace(WRAP_SPACE, "");
    if (piece.length <= LONG_LINE) {
      out.push(piece);
      continue;
    }
    let buf = "";
    let last = 0;
    TERMINAL.lastIndex = 0;
    for (let m = TERMINAL.exec(piece); m; m = TERMINAL.exec(piece)) {
      const end = m.index + m[0].length;
      buf += piece.slice(last, end);
      last = end;
      if (buf.length >= CHUNK) {
        out.push(buf.trim());
        buf = "";
      }
    }
    buf += piece.slice(last);
    // Text without any sentence end: cut at fixed width, preferring a comma.
    while (buf.length > LONG_LINE) {
      let cut = buf.lastIndexOf("，", CHUNK * 2);
      if (cut < CHUNK / 2) cut = CHUNK * 2;
      else cut += 1;
      out.push(buf.slice(0, cut).trim());
      buf = buf.slice(cut);
    }
    if (buf.trim()) out.push(buf.trim());
  }
  return out;
}

/** Plain text → source lines; comment and script/style blocks on lines of their own are chrome. */
export function segmentLines(text: string, firstLine = 1): SourceLine[] {
  const whole = normalizeLineEnds(text);
  const chrome = markupBlockLines(whole);
  return segmentSourceLines(
    whole
      .split("\n")
      .map((t, i) =>
        chrome.has(i) ? { text: t, line: firstLine + i, forced: "chrome" } : { text: t, line: firstLine + i },
      ),
  );
}

/** Normalises raw source lines (from any format) and cuts run-together documents into pieces. */
export function segmentSourceLines(raw: SourceLine[]): SourceLine[] {
  const normalized = raw.map((l) => ({ ...l, text: normalizeLine(l.text) }));
  const unwrap = hasWrapSpaces(normalized);
  const out: SourceLine[] = [];
  for (const { text, line, forced } of normalized) {
    const parts = text.includes("\n") ? text.split("\n") : [text];
    for (const p of parts) {
      if (forced) out.push(p ? { text: p, line, forced } : { text: p, line });
      else if (p.length > LONG_LINE) {
        for (const piece of splitLongLine(p)) out.push({ text: piece, line });
      } else if (unwrap && p.length >= MIN_WRAPPED_LINE) out.push({ text: p.replace(WRAP_SPACE, ""), line });
      else out.push({ text: p, line });
    }
  }
  return out;
}

/** Whether the file's paragraphs still carry their print line breaks as spaces between Han characters. */
function hasWrapSpaces(lines: SourceLine[]): boolean {
  let chars = 0;
  let spaces = 0;
  for (const l of lines) {
    if (l.forced || l.text.length < MIN_WRAPPED_LINE) continue;
    chars += l.text.length;
    // Most lines hold no space at all: the linear test spares them WRAPPED_RUN's eight-character tries.
    if (!HAS_SPACE.test(l.text)) continue;
    // A print line ends a long run of text; a byline's spaces ("记者 韩娟 通讯员 张光明") part short names.
    spaces += l.text.match(WRAPPED_RUN)?.length ?? 0;
  }
  return spaces >= MIN_WRAP_SPACES && spaces * 1000 > chars * WRAP_SPACE_DENSITY;
}
