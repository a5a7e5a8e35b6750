// The ingest pipeline: bytes -> ReportDigest. Each stage is a pure function in its own
// module; this file only chains them and fills the metadata.
import { readFileSync } from "node:fs";
import { type ClassifiedDoc, classifyLines, detectKind, detectRegion, dominantRegion } from "./classify.ts";
import { decodeBytes } from "./decode.ts";
import { ReportInputError } from "./errors.ts";
import { type FrontMatter, parseFrontMatter } from "./frontmatter.ts";
import { blockBaseId, IdAllocator, LEAD_SECTION_ID, sectionBaseId, slugFromPath, statBaseId } from "./ids.ts";
import { repairBrokenParagraphs } from "./repair.ts";
import { segmentLines } from "./segment.ts";
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
}

export interface ParseResult {
  digest: ReportDigest;
  warnings: string[];
}

export function parseReport({ bytes, path, frontMatterOverrides }: ParseInput): ParseResult {
  const { text, encoding } = decodeBytes(bytes, path);
  if (!/\S/u.test(text.replace(/[\u00a0\u3000\u2000-\u200d\ufeff]/gu, ""))) {
    throw new ReportInputError(path, "file holds only white space");
  }
  const fm = parseFrontMatter(text, path);
  const warnings = [...fm.warnings];
  const lines = segmentLines(fm.body, fm.bodyLineOffset + 1);
  const doc = classifyLines(lines);
  const { units, furniture } = repairBrokenParagraphs(doc.lines);
  const drafts = buildSections(units);
  const hasBody = drafts.some((s) => s.blocks.length > 0);
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
    if (d.number) (section as Section & { number?: string }).number = d.number;
    sections.push(section);
  }

  const meta = buildMeta(encoding, doc, sections, fm.data, frontMatterOverrides);
  const title = frontMatterOverrides?.title ?? fm.data.title ?? doc.title;
  if (title && !meta.kind) {
    const kind = detectKind(title);
    if (kind) meta.kind = kind;
  }
  const digest: ReportDigest = {
    slug: slugFromPath(path),
    title: title ?? null,
    meta,
    sections,
    stats,
    furniture,
  };
  return { digest, warnings };
}

function buildMeta(
  encoding: string,
  doc: ClassifiedDoc,
  sections: Section[],
  fm: FrontMatter,
  overrides: Partial<FrontMatter> | undefined,
): ReportMeta {
  const meta: ReportMeta = { encoding };
  const detected = doc.meta;
  const title = doc.title ?? "";
  const firstText = sections
    .flatMap((s) => s.blocks)
    .slice(0, 3)
    .map((b) => b.text.slice(0, 300))
    .join("\n");
  const region =
    detectRegion(title) ??
    (detected.meeting ? detectRegion(detected.meeting) : undefined) ??
    dominantRegion(
      sections
        .flatMap((s) => s.blocks)
        .map((b) => b.text)
        .join("\n"),
    );
  if (region) meta.region = region;
  const year = detectYear(title, detected.date, detected.meeting, firstText);
  if (year) meta.year = year;
  if (detected.date) meta.date = detected.date;
  if (detected.kind) meta.kind = detected.kind;
  if (detected.speaker) meta.speaker = detected.speaker;
  if (detected.role) meta.role = detected.role;
  if (detected.meeting) meta.meeting = detected.meeting;
  if (detected.subtitle) meta.subtitle = detected.subtitle;
  const venue = (detected as Record<string, unknown>).venue;
  if (typeof venue === "string") meta.venue = venue;
  // Front matter, then explicit overrides, win over detection.
  for (const src of [fm, overrides ?? {}]) {
    for (const [k, v] of Object.entries(src)) if (v !== undefined && k !== "title") meta[k] = v;
  }
  return meta;
}

function detectYear(
  title: string,
  date: string | undefined,
  meeting: string | undefined,
  text: string,
): number | undefined {
  if (date) return Number(date.slice(0, 4));
  const inTitle = /(?:^|[^\d])((?:19|20)\d{2})(?:年|\s|$)/u.exec(title);
  if (inTitle) return Number(inTitle[1]);
  void meeting;
  const stated = /((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/u.exec(text);
  if (stated) return Number(stated[1]);
  return undefined;
}

export function parseReportFile(path: string, frontMatterOverrides?: Partial<FrontMatter>): ParseResult {
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
  return parseReport({ bytes, path, ...(frontMatterOverrides ? { frontMatterOverrides } : {}) });
}
