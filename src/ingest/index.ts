// The ingest pipeline: bytes -> ReportDigest. Each stage is a pure function in its own
// module; this file only chains them and fills the metadata.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { annotateSections } from "./annotate.ts";
import { annotateBlocks } from "./annotate-blocks.ts";
import { classifyLines, detectKind } from "./classify/index.ts";
import { decodeBytes } from "./decode.ts";
import { findDoubts } from "./doubts.ts";
import { ReportInputError } from "./errors.ts";
import { type FrontMatter, parseFrontMatter } from "./frontmatter.ts";
import type { FindTerms } from "./glossary.ts";
import { htmlToLines } from "./html.ts";
import { blockBaseId, IdAllocator, LEAD_SECTION_ID, sectionBaseId, slugFromPath, statBaseId } from "./ids.ts";
import { annotateFigures } from "./indicators.ts";
import { markdownToLines } from "./markdown.ts";
import { buildMeta, reportTitle } from "./metadata.ts";
import { repairBrokenParagraphs } from "./repair.ts";
import { type SourceLine, segmentLines, segmentSourceLines } from "./segment.ts";
import { findStats } from "./stats.ts";
import { buildSections } from "./structure.ts";
import type { Block, ReportDigest, Section, Stat } from "./types.ts";

export { ReportInputError } from "./errors.ts";
export type * from "./types.ts";

export interface ParseInput {
  bytes: Uint8Array;
  /** Source path: names the file in errors and gives the slug. */
  path: string;
  /** Values that win over both front matter and detection. */
  frontMatterOverrides?: Partial<FrontMatter>;
  /** Finds the glossary's terms (./glossary.ts createTermMatcher); none marked without it. */
  findTerms?: FindTerms;
}

export interface ParseResult {
  digest: ReportDigest;
  warnings: string[];
}

export function parseReport({ bytes, path, frontMatterOverrides, findTerms }: ParseInput): ParseResult {
  const { text, encoding } = decodeBytes(bytes, path);
  if (!/\S/u.test(text.replace(/[\u00a0\u3000\u2000-\u200d\ufeff]/gu, ""))) {
    throw new ReportInputError(path, "file holds only white space");
  }
  const fm = parseFrontMatter(text, path);
  const warnings = [...fm.warnings];
  const lines = sourceLines(path, fm.body, fm.bodyLineOffset + 1);
  const doc = classifyLines(lines);
  const { units, furniture } = repairBrokenParagraphs(doc.lines);
  const drafts = buildSections(units);
  // A body of bare punctuation or digits ("---", "3") holds no report.
  const hasBody = drafts.some((s) => s.blocks.some((b) => /\p{L}/u.test(b.text)));
  if (!hasBody) {
    const firstLine = lines.find((l) => l.text)?.line;
    throw new ReportInputError(path, "no report text found (only headings, furniture or chrome)", {
      ...(firstLine !== undefined ? { line: firstLine } : {}),
    });
  }

  // Ids: sections from headings, blocks and stats from their text.
  const blockLines = new Map<string, number>();
  const sectionIds = new IdAllocator();
  const blockIds = new IdAllocator();
  const statIds = new IdAllocator();
  const sections: Section[] = [];
  const stats: Stat[] = [];
  for (const d of drafts) {
    const id = sectionIds.take(d.heading === null ? LEAD_SECTION_ID : sectionBaseId(d.heading));
    const blocks: Block[] = [];
    for (const b of d.blocks) {
      const blockId = blockIds.take(blockBaseId(b.text));
      const block: Block = { id: blockId, type: b.type, text: b.text };
      blockLines.set(blockId, b.line);
      if (b.lead) block.lead = b.lead;
      blocks.push(block);
      const occurrences = new Map<string, number>();
      for (const f of findStats(b.text)) {
        const n = occurrences.get(f.text) ?? 0;
        occurrences.set(f.text, n + 1);
        const stat: Stat = {
          id: statIds.take(statBaseId(blockId, f.text, n)),
          text: f.text,
          value: f.value,
          unit: f.unit,
          label: f.label,
          kind: f.kind,
          blockId,
          start: f.start,
        };
        if (f.valueMax !== undefined) stat.valueMax = f.valueMax;
        if (f.target) stat.target = true;
        if (f.approx) stat.approx = true;
        if (f.labelFragment) stat.labelFragment = f.labelFragment;
        stats.push(stat);
      }
    }
    const section: Section = { id, heading: d.heading, level: d.level, blocks };
    if (d.number) section.number = d.number;
    if (d.runIn) section.runIn = true;
    sections.push(section);
  }

  const { meta, regions } = buildMeta(path, encoding, doc, sections, fm.data, frontMatterOverrides);
  const title = frontMatterOverrides?.title ?? fm.data.title ?? reportTitle(doc.title, meta);
  if (title && !meta.kind) {
    const kind = detectKind(title);
    if (kind) meta.kind = kind;
  }
  // The annotate stage: topic tags and 回顾/部署 per section, each block's list reading and
  // glossary terms, each figure's indicator, measure and year.
  const annotated = annotateSections(sections, stats, { year: meta.year });
  const digest: ReportDigest = {
    slug: slugFromPath(path),
    title: title ?? null,
    meta,
    sections: annotateBlocks(annotated, findTerms),
    stats: annotateFigures(stats, annotated, meta.year),
    furniture,
  };
  const frontMatterRegion = fm.data.region ?? frontMatterOverrides?.region;
  warnings.push(
    ...findDoubts({ path, digest, blockLines, regions: { ...regions, frontMatter: frontMatterRegion } }),
  );
  return { digest, warnings };
}

/** The body as source lines, read by format: saved web pages and Markdown structurally, the rest as plain text. */
function sourceLines(path: string, body: string, firstLine: number): SourceLine[] {
  const ext = extname(path).toLowerCase();
  if (ext === ".html" || ext === ".htm") return segmentSourceLines(htmlToLines(body, firstLine));
  if (ext === ".md") return segmentSourceLines(markdownToLines(body, firstLine));
  return segmentLines(body, firstLine);
}

export function parseReportFile(path: string, findTerms?: FindTerms): ParseResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : `cannot read (${code || (e as Error).message})`;
    throw new ReportInputError(path, why);
  }
  return parseReport({ bytes, path, ...(findTerms ? { findTerms } : {}) });
}
