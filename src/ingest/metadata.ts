// Report metadata in one place: what the header lines said (classify/header.ts), the news lead
// of a newspaper summary, the title, headings and file name, then front matter, which wins.
import { basename, extname } from "node:path";
import type { ClassifiedDoc } from "./classify/index.ts";
import { isoDate } from "./dates.ts";
import type { FrontMatter } from "./frontmatter.ts";
import documentWords from "./lexicon/document.json" with { type: "json" };
import headingWords from "./lexicon/headings.json" with { type: "json" };
import {
  addressedGovernment,
  dominantRegion,
  isNationalOccasion,
  NATIONAL,
  regionAtLevel,
  regionInFileName,
  regionInTitle,
  sameLevel,
} from "./regions.ts";
import { alternation } from "./text.ts";
import type { ReportMeta, Section } from "./types.ts";

const REVIEW_PART = new RegExp(alternation(headingWords.reviewParts), "u");
const PLAN_PART = new RegExp(alternation(headingWords.planParts), "u");

const newsLeadWords = documentWords.newsLead;
const LEAD_WORD = new RegExp(alternation(newsLeadWords.leadWords), "u");
const LEAD_KINDS = newsLeadWords.kinds.map((k) => ({
  kind: k.kind,
  re: new RegExp(alternation(k.words), "u"),
}));
/** "代表区人民政府，向大会报告工作": the speaker delivers a government work report. */
const GOVERNMENT_REPORT = new RegExp(
  `代表[\\p{Script=Han}]{0,12}(?:${alternation(documentWords.governments)})[，,]?\\s*向大会(?:报告|作)`,
  "u",
);
const OCCASION = new RegExp(
  `(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日[，,]?\\s*(?:[\\p{Script=Han}]{0,8}?(?:${alternation(newsLeadWords.convenes)}))?\\s*([^，,。；]{4,60}(?:${alternation(documentWords.assemblies)}))`,
  "u",
);
const LEAD_SPEAKER = new RegExp(
  `(?:^|[，,。\\s])(?:[\\p{Script=Han}]{0,10}?)(${alternation(newsLeadWords.roles)})(\\p{Script=Han}{2,3})(?:代表[\\p{Script=Han}]{2,8})?(?:向大会)?(?:${alternation(newsLeadWords.deliveries)})`,
  "u",
);

/** What the file name and the text itself said of the region (for the parse's doubts, ./doubts.ts). */
export interface RegionEvidence {
  fileName?: string | undefined;
  text?: string | undefined;
}

export function buildMeta(
  path: string,
  encoding: string,
  doc: ClassifiedDoc,
  sections: Section[],
  fm: FrontMatter,
  overrides: Partial<FrontMatter> | undefined,
): { meta: ReportMeta; regions: RegionEvidence } {
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
      .find((b) => /\d{1,2}月\d{1,2}日/u.test(b.text.slice(0, 80)) && LEAD_WORD.test(b.text.slice(0, 200)))
      ?.text.slice(0, 300) ?? firstText;
  // The speaker's own words ("我代表徐水区人民政府", "我代表国务院") name the region best.
  const address = addressedGovernment(
    allBlocks
      .slice(0, 60)
      .map((b) => b.text)
      .join("\n"),
  );
  const fromFileName = regionInFileName(basename(path, extname(path)));
  const candidates = [
    address?.place,
    regionInTitle(title),
    detected.meeting ? regionInTitle(detected.meeting) : undefined,
    isNationalOccasion(`${title}\n${detected.meeting ?? ""}`) ? NATIONAL : undefined,
    fromFileName,
    dominantRegion(allBlocks.map((b) => b.text).join("\n")),
  ].filter((r): r is string => r !== undefined);
  // "我代表州人民政府" in 黔南.txt: the region whose level the address states (a prefecture, not 贵州省).
  const levelWord = address?.levelWord;
  const region = levelWord
    ? regionAtLevel(candidates.find((r) => sameLevel(r, levelWord)) ?? candidates[0] ?? "", levelWord)
    : candidates[0];
  if (region) meta.region = region;
  const regions = {
    fileName: fromFileName,
    text: address?.place ?? (levelWord && region ? region : undefined),
  };
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
  // A body without its opening words still reads as a work report: it reviews a year and plans the next.
  if (!meta.kind && REVIEW_PART.test(headingText) && PLAN_PART.test(headingText)) {
    meta.kind = "政府工作报告";
  }
  // Front matter, then explicit overrides, win over detection.
  for (const src of [fm, overrides ?? {}]) {
    for (const [k, v] of Object.entries(src)) if (v !== undefined && k !== "title") meta[k] = v;
  }
  return { meta, regions };
}

/**
 * Newspaper summaries state the occasion in their first paragraph: "2月27日，在二七区第十七届
 *人民代表大会第三次会议上，区长虎荣鑫向大会作政府工作报告". Fills only what is still missing.
 */
export function fillFromNewsLead(meta: ReportMeta, text: string): void {
  const lead = text.slice(0, 2400);
  if (!meta.kind) {
    const kind = GOVERNMENT_REPORT.test(lead)
      ? "政府工作报告"
      : LEAD_KINDS.find((k) => k.re.test(lead))?.kind;
    if (kind) meta.kind = kind;
  }
  const occasion = OCCASION.exec(lead);
  if (occasion) {
    const year = occasion[1] ? Number(occasion[1]) : meta.year;
    const date = year ? isoDate(year, Number(occasion[2]), Number(occasion[3])) : undefined;
    if (!meta.date && date) meta.date = date;
    if (!meta.meeting) meta.meeting = (occasion[4] as string).replace(/^在/u, "");
  }
  if (!meta.speaker) {
    const sp = LEAD_SPEAKER.exec(lead);
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

/** A title that says only what kind of report it is ("政府工作报告", "海拉尔区人民政府工作报告"): no year. */
const GENERIC_TITLE = new RegExp(
  `^[\\p{Script=Han}]{0,16}?(?:${alternation(documentWords.genericTitles)})$`,
  "u",
);

/**
 * The title a reader sees: the report's own as printed ("2020年顺平县政府工作报告"), unless it has
 * none or one without a year; then region, year and kind ("晋城市2024年政府工作报告", "2008年国务院政府工作报告").
 */
export function reportTitle(found: string | null, meta: ReportMeta): string | null {
  const own = found?.replace(/\s+/gu, "") ?? "";
  if (own && !GENERIC_TITLE.test(own)) return found;
  const named = own ? regionInTitle(own) : undefined;
  if (named && named !== meta.region && meta.region !== NATIONAL) return found;
  const { region, year, kind } = meta;
  if (!region || !year || kind !== "政府工作报告") return found;
  return region === NATIONAL ? `${year}年国务院政府工作报告` : `${region}${year}年政府工作报告`;
}
