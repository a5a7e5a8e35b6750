// Test helpers shared by the property and corpus tests (not used by the pipeline).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { termFinder } from "./glossary.ts";
import { parseReport } from "./index.ts";
import type { ReportDigest } from "./types.ts";

/** ../shared next to the repository root, when this checkout has it. */
const SHARED = fileURLToPath(new URL("../../../shared", import.meta.url));
export const CORPUS = join(SHARED, "corpus");
export const hasCorpus = existsSync(CORPUS);
/** The bundled sample reports (the seeds, with front matter): always in the repository. */
export const BUNDLED = fileURLToPath(new URL("../../content/reports", import.meta.url));

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.(?:txt|md|html?)$/iu.test(name) && name !== "README.md") out.push(p);
  }
  return out;
}

/** The bundled glossary's term finder, as a build of the bundled site marks terms. */
const bundledFindTerms = termFinder(readFileSync(join(BUNDLED, "../glossary.yml"), "utf8"));

export function parseText(text: string, path = "test.txt"): ReportDigest {
  return parseReport({ bytes: new TextEncoder().encode(text), path, findTerms: bundledFindTerms }).digest;
}

export function parseFile(path: string): ReportDigest {
  return parseReport({ bytes: readFileSync(path), path, findTerms: bundledFindTerms }).digest;
}

/** What a reader sees: headings with levels, and block texts, in order. */
export function shape(d: ReportDigest): string[] {
  return d.sections.flatMap((s) => [
    `H${s.level} ${s.heading ?? ""}`,
    ...s.blocks.map((b) => `${b.type}: ${b.text}`),
  ]);
}

const HAN = /\p{Script=Han}/u;
const NUMERAL = /[一二三四五六七八九十]/u;

/** Where a printer could wrap: between two Han characters, not before a numeral or a byline word. */
function canWrapAt(line: string, i: number): boolean {
  const a = line[i - 1] ?? "";
  const b = line[i] ?? "";
  if (!HAN.test(a) || !HAN.test(b) || NUMERAL.test(b)) return false;
  // Bylines glued to a paragraph end are split off by pattern: keep them on one piece.
  return !/记者|通讯员|本报|责任编辑/u.test(line.slice(Math.max(0, i - 40), i + 6));
}

const FURNITURE = ["— 3 —", "3", "下转第2版", "-12-", "（上接第1版）"];

/** Hard-wraps paragraph lines at the given widths, inserting blank lines and page furniture. */
export function reflow(text: string, widths: number[], inserts: number[]): string {
  const out: string[] = [];
  let k = 0;
  for (const line of text.split("\n")) {
    if (line.length < 60 || !line.includes("。")) {
      out.push(line);
      continue;
    }
    let rest = line;
    const pieces: string[] = [];
    // A printer measures the width on visible text: indentation (spaces, "<U+00A0>" tokens) is not.
    let indent = /^(?:\s|<U\+00A0>|&nbsp;)*/u.exec(line)?.[0].length ?? 0;
    while (rest.length > indent + 45) {
      let cut = indent + (widths[k++ % widths.length] ?? 35);
      indent = 0;
      while (cut < rest.length - 5 && !canWrapAt(rest, cut)) cut++;
      if (cut >= rest.length - 5) break;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    pieces.push(rest);
    pieces.forEach((p, j) => {
      out.push(p);
      if (j < pieces.length - 1) {
        const ins = inserts[k++ % inserts.length] ?? 0;
        if (ins === 1) out.push("");
        else if (ins >= 2) out.push("", FURNITURE[ins % FURNITURE.length] as string, "");
      }
    });
  }
  return out.join("\n");
}

/** How often each CJK character occurs (the eval scorer's conservation check counts the same way). */
export function countCjk(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s) if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

/** The CJK characters a digest keeps anywhere: title, headings, blocks, furniture and metadata. */
export function digestCjk(d: ReportDigest): Map<string, number> {
  return countCjk(
    [
      d.title ?? "",
      ...d.sections.map((s) => s.heading ?? ""),
      ...d.sections.flatMap((s) => s.blocks.map((b) => b.text)),
      ...d.furniture.map((f) => f.text),
      JSON.stringify(d.meta),
    ].join("\n"),
  );
}

/** The sentence of a block's text a figure at `start` stands in, and the figure's offset in it. */
export function sentenceAround(text: string, start: number): { sentence: string; offset: number } {
  const ends = /[。！？；\n]/u;
  let i = start;
  while (i > 0 && !ends.test(text[i - 1] as string)) i--;
  let j = start;
  while (j < text.length && !ends.test(text[j] as string)) j++;
  return { sentence: text.slice(i, Math.min(text.length, j + 1)), offset: start - i };
}

/** A figure as scripts/sample-labels.ts samples it: its text, offset and sentence (see sentenceAround). */
export interface SampledFigure {
  figure: string;
  offset: number;
  sentence: string;
}

/** Each figure of a parsed report by figure, offset and sentence, with its label and kind. */
export function figuresOf(digest: ReportDigest): Map<string, ReportDigest["stats"][number]> {
  const blocks = new Map(digest.sections.flatMap((s) => s.blocks).map((b) => [b.id, b.text]));
  const out = new Map<string, ReportDigest["stats"][number]>();
  for (const s of digest.stats) {
    const { sentence, offset } = sentenceAround(blocks.get(s.blockId) ?? "", s.start);
    out.set(figureKey({ figure: s.text, offset, sentence }), s);
  }
  return out;
}

export function figureKey(f: SampledFigure): string {
  return `${f.figure}\u0000${f.offset}\u0000${f.sentence}`;
}
