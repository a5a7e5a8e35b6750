// One search document per report section (not per page): a hit is section-sized, its stored text
// is just that section, and its URL is the section anchor.
import type { ReportDigest, Section } from "../ingest/types.ts";

export interface SectionDoc {
  url: string;
  /** The section heading (导语 for a lead without one; the title for the report itself). */
  heading: string;
  /** The report's title. */
  report: string;
  slug: string;
  region?: string;
  year?: number;
  kind?: string;
  /** Sort key: the report's date, else its year. */
  date: string;
  topics: string[];
  /** What the section's figures measure (地区生产总值 …): a query for an indicator ranks them first. */
  figures: string[];
  /** Heading and paragraphs, one per line. */
  text: string;
}

export interface DocOptions {
  /** Href of the report page ("/reports/slug/"). */
  href: string;
  /** Title shown for the report (the digest title or a fallback). */
  title: string;
}

const LEAD = "导语";

/** A sort key that orders reports by date, falling back to the year. */
function dateKey(digest: ReportDigest): string {
  return digest.meta.date ?? (digest.meta.year ? `${digest.meta.year}` : "");
}

/** What every document of a report carries about the report. */
function reportFields(digest: ReportDigest, options: DocOptions) {
  const { region, year, kind } = digest.meta;
  return {
    report: options.title,
    slug: digest.slug,
    ...(region ? { region } : {}),
    ...(year ? { year } : {}),
    ...(kind ? { kind } : {}),
    date: dateKey(digest),
  };
}

function sectionDoc(digest: ReportDigest, section: Section, options: DocOptions): SectionDoc {
  const blockIds = new Set(section.blocks.map((b) => b.id));
  const figures = digest.stats.flatMap((st) => (blockIds.has(st.blockId) && st.label ? [st.label] : []));
  return {
    ...reportFields(digest, options),
    url: `${options.href}#${section.id}`,
    // A lead without a heading is shown as 导语; its text has no heading line to match.
    heading: section.heading ?? LEAD,
    topics: section.topics ?? [],
    figures: [...new Set(figures)],
    text: [section.heading ?? "", ...section.blocks.map((b) => b.text)].join("\n"),
  };
}

/**
 * The report itself as a document: its title and what the front matter says (region, kind, source,
 * meeting, speaker), so a title or a place is found by any part and leads to the report's top.
 */
function reportDoc(digest: ReportDigest, options: DocOptions): SectionDoc {
  const { region, year, kind, source, meeting, speaker } = digest.meta;
  const about = [region, year ? `${year}年` : undefined, kind, source, meeting, speaker];
  return {
    ...reportFields(digest, options),
    url: options.href,
    heading: options.title,
    topics: [],
    figures: [],
    text: [options.title, about.filter((x) => typeof x === "string" && x).join(" · ")].join("\n"),
  };
}

export function sectionDocs(digest: ReportDigest, options: DocOptions): SectionDoc[] {
  const sections = digest.sections.filter((s) => s.heading || s.blocks.length);
  return [reportDoc(digest, options), ...sections.map((s) => sectionDoc(digest, s, options))];
}
