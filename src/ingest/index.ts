// The ingest pipeline: bytes -> ReportDigest. Each stage is a pure function in its own
// module; this file only chains them and fills the metadata.
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { annotateSections } from "./annotate.ts";
import { annotateBlocks } from "./annotate-blocks.ts";
import { type ClassifiedDoc, classifyLines, detectKind } from "./classify/index.ts";
import { decodeBytes } from "./decode.ts";
import { ReportInputError } from "./errors.ts";
import { type FrontMatter, parseFrontMatter } from "./frontmatter.ts";
import type { FindTerms } from "./glossary.ts";
import { htmlToLines } from "./html.ts";
import { blockBaseId, IdAllocator, LEAD_SECTION_ID, sectionBaseId, slugFromPath, statBaseId } from "./ids.ts";
import { annotateFigures } from "./indicators.ts";
import { markdownToLines } from "./markdown.ts";
import { dominantRegion, isNationalOccasion, NATIONAL, regionInFileName, regionInTitle } from "./regions.ts";
import { repairBrokenParagraphs } from "./repair.ts";
import { type SourceLine, segmentLines, segmentSourceLines } from "./segment.ts";
import { findStats } from "./stats.ts";
import { buildSections } from "./structure.ts";
import type { Block, ReportDigest, ReportMeta, Section, Stat } from "./types.ts";

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
        stats.push(stat);
      }
    }
    const section: Section = { id, heading: d.heading, level: d.level, blocks };
    if (d.number) section.number = d.number;
    sections.push(section);
  }

  const meta = buildMeta(path, encoding, doc, sections, fm.data, frontMatterOverrides);
  const title = frontMatterOverrides?.title ?? fm.data.title ?? doc.title;
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
  return { digest, warnings };
}

/** The body as source lines, read by format: saved web pages and Markdown structurally, the rest as plain text. */
function sourceLines(path: string, body: string, firstLine: number): SourceLine[] {
  const ext = extname(path).toLowerCase();
  if (ext === ".html" || ext === ".htm") return segmentSourceLines(htmlToLines(body, firstLine));
  if (ext === ".md") return segmentSourceLines(markdownToLines(body, firstLine));
  return segmentLines(body, firstLine);
}

function buildMeta(
  path: string,
  encoding: string,
  doc: ClassifiedDoc,
  sections: Section[],
  fm: FrontMatter,
  overrides: Partial<FrontMatter> | undefined,
): ReportMeta {
  const meta: ReportMeta = { encoding };
  const detected = doc.meta;
  const title = doc.title ?? "";
  const allBlocks = sections.flatMap((s) => s.blocks);
  const firstText = allBlocks
    .slice(0, 12)
    .map((b) => b.text.slice(0, 200))
    .join("\n");
  // The news lead naming the occasion ("2月27日，在…会议上，区长…作政府工作报告") may sit below a lead box.
  const newsLead =
    allBlocks
      .slice(0, 80)
      .find(
        (b) => /\d{1,2}月\d{1,2}日/u.test(b.text.slice(0, 80)) && /工作报告|召开/u.test(b.text.slice(0, 200)),
      )
      ?.text.slice(0, 300) ?? firstText;
  const region =
    regionInTitle(title) ??
    (detected.meeting ? regionInTitle(detected.meeting) : undefined) ??
    (isNationalOccasion(`${title}\n${detected.meeting ?? ""}`) ? NATIONAL : undefined) ??
    regionInFileName(basename(path, extname(path))) ??
    dominantRegion(
      sections
        .flatMap((s) => s.blocks)
        .map((b) => b.text)
        .join("\n"),
    );
  if (region) meta.region = region;
  const headingText = sections.map((s) => s.heading ?? "").join("\n");
  const year = detectYear(title, detected.date, headingText, firstText);
  if (year) meta.year = year;
  if (detected.date) meta.date = detected.date;
  if (detected.kind) meta.kind = detected.kind;
  if (detected.speaker) meta.speaker = detected.speaker;
  if (detected.role) meta.role = detected.role;
  if (detected.meeting) meta.meeting = detected.meeting;
  if (detected.subtitle) meta.subtitle = detected.subtitle;
  const venue = (detected as Record<string, unknown>).venue;
  if (typeof venue === "string") meta.venue = venue;
  fillFromNewsLead(meta, newsLead);
  // Front matter, then explicit overrides, win over detection.
  for (const src of [fm, overrides ?? {}]) {
    for (const [k, v] of Object.entries(src)) if (v !== undefined && k !== "title") meta[k] = v;
  }
  return meta;
}

/**
 * Newspaper summaries state the occasion in their first paragraph: "2月27日，在二七区第十七届
 *人民代表大会第三次会议上，区长虎荣鑫向大会作政府工作报告". Fills only what is still missing.
 */
export function fillFromNewsLead(meta: ReportMeta, text: string): void {
  const lead = text.slice(0, 2400);
  if (!meta.kind) {
    if (
      /政府工作报告|代表[\p{Script=Han}]{0,12}(?:人民政府|国务院|政府)[，,]?\s*向大会(?:报告|作)/u.test(lead)
    ) {
      meta.kind = "政府工作报告";
    } else if (/经济工作会议/u.test(lead)) meta.kind = "经济工作会议";
  }
  const occasion =
    /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日[，,]?\s*(?:[\p{Script=Han}]{0,8}?(?:召开|在))?\s*([^，,。；]{4,60}(?:会议|大会))/u.exec(
      lead,
    );
  if (occasion) {
    const year = occasion[1] ? Number(occasion[1]) : meta.year;
    const mo = Number(occasion[2]);
    const d = Number(occasion[3]);
    if (!meta.date && year && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) {
      meta.date = `${year}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    }
    if (!meta.meeting) meta.meeting = (occasion[4] as string).replace(/^在/u, "");
  }
  if (!meta.speaker) {
    const sp =
      /(?:^|[，,。\s])(?:[\p{Script=Han}]{0,10}?)(省长|市长|区长|县长|州长|旗长|总理)(\p{Script=Han}{2,3})(?:代表[\p{Script=Han}]{2,8})?(?:向大会)?作(?:政府)?工作报告/u.exec(
        lead,
      );
    if (sp) {
      meta.speaker = sp[2] as string;
      meta.role ??= sp[1] as string;
    }
  }
}

function detectYear(
  title: string,
  date: string | undefined,
  headings: string,
  text: string,
): number | undefined {
  if (date) return Number(date.slice(0, 4));
  const inTitle = /(?:^|[^\d])((?:19|20)\d{2})(?:年|\s|$)/u.exec(title);
  if (inTitle) return Number(inTitle[1]);
  const stated = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/u.exec(text);
  if (stated) return Number(stated[1]);
  // A report that plans "2023年" after reviewing "2022年" is the 2023 report: the latest year its headings name.
  let latest = 0;
  for (const m of headings.matchAll(/((?:19|20)\d{2})年/gu)) latest = Math.max(latest, Number(m[1]));
  return latest || undefined;
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
