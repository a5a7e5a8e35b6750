// The pagefind records of a report: one per section (not per page), so a hit is section-sized, its
// stored text is just that section and its URL is the section anchor; plus one for the report
// itself (title and front matter). What a reader filters or groups by (report, region, year, kind,
// topic) are pagefind filters, not meta: pagefind searches every meta field, and a report's title
// in each section's meta would make every section of it match the title's words.

import synonyms from "../ingest/lexicon/synonyms.json" with { type: "json" };
import type { ReportDigest, Section } from "../ingest/types.ts";
import type { Facet } from "../shared/search-facets.ts";
import { normalize } from "../shared/search-normalize.ts";
import { indexText } from "../shared/search-text.ts";

/** What pagefind's `addCustomRecord` takes. */
export interface SearchRecord {
  url: string;
  /** The section's paragraphs as `indexText` cuts them. */
  content: string;
  language: string;
  meta: {
    /**
     * The section heading (the title for the report itself; empty for a lead without one) as
     * `indexText` cuts it: pagefind searches it like the text.
     */
    title: string;
    /**
     * Synonyms of terms the section holds (a section saying 地区生产总值 also answers GDP), cut into
     * words; searched by pagefind, never shown.
     */
    also?: string;
  };
  /**
   * Facets, and what is shown or weighed but never searched: the report's title, and what the
   * section's figures measure (a query for an indicator ranks the sections measuring it first).
   */
  filters: Record<Facet | "report" | "figure", string[]>;
  sort: { date: string };
}

/**
 * The index's language. The records are in pagefind's words already (character pairs), so
 * pagefind must not cut them again: "und" (undetermined) has no segmenter or stemmer in pagefind.
 * The site's pages (lang="zh-CN") open it as the site's only index.
 */
const INDEX_LANGUAGE = "und";

export interface RecordOptions {
  /** Href of the report page ("/reports/slug/"). */
  href: string;
  /** Title shown for the report (the digest title or a fallback). */
  title: string;
}

const groups: string[][] = synonyms.groups.map((g) => g.map(normalize));

/** The synonyms of the words a text holds that the text does not hold itself, one group each. */
function synonymsIn(text: string): string[] {
  const t = normalize(text);
  return groups.flatMap((group) => {
    if (!group.some((w) => t.includes(w))) return [];
    const missing = group.filter((w) => !t.includes(w));
    return missing.length ? [missing.join("；")] : [];
  });
}

/** A sort key that orders reports by date, falling back to the year. */
const dateKey = (digest: ReportDigest): string =>
  digest.meta.date ?? (digest.meta.year ? `${digest.meta.year}` : "0");

function record(
  digest: ReportDigest,
  options: RecordOptions,
  fields: { url: string; title: string; body: string; topics: string[]; figures: string[] },
): SearchRecord {
  const { region, year, kind } = digest.meta;
  const also = synonymsIn(`${fields.title}\n${fields.body}`);
  return {
    url: fields.url,
    content: indexText(fields.body),
    language: INDEX_LANGUAGE,
    meta: {
      title: indexText(fields.title),
      // Synonym groups apart (；), so a phrase never runs from one synonym into the next.
      ...(also.length ? { also: indexText(also.join("；")) } : {}),
    },
    filters: {
      report: [options.title],
      region: region ? [region] : [],
      year: year ? [String(year)] : [],
      kind: kind ? [kind] : [],
      topic: fields.topics,
      figure: fields.figures,
    },
    sort: { date: dateKey(digest) },
  };
}

function sectionRecord(digest: ReportDigest, section: Section, options: RecordOptions): SearchRecord {
  const blocks = new Set(section.blocks.map((b) => b.id));
  const figures = digest.stats.flatMap((st) => (blocks.has(st.blockId) && st.label ? [st.label] : []));
  return record(digest, options, {
    url: `${options.href}#${section.id}`,
    title: section.heading ?? "",
    body: section.blocks.map((b) => b.text).join("\n"),
    topics: section.topics ?? [],
    figures: [...new Set(figures)],
  });
}

/**
 * The report itself: its title and what the front matter says (region, kind, source, meeting,
 * speaker), so a title or a place is found by any part and leads to the report's top.
 */
function reportRecord(digest: ReportDigest, options: RecordOptions): SearchRecord {
  const { region, year, kind, source, meeting, speaker } = digest.meta;
  const about = [region, year ? `${year}年` : undefined, kind, source, meeting, speaker];
  return record(digest, options, {
    url: options.href,
    title: options.title,
    body: about.filter((x) => typeof x === "string" && x).join(" · "),
    topics: [],
    figures: [],
  });
}

export function searchRecords(digest: ReportDigest, options: RecordOptions): SearchRecord[] {
  const sections = digest.sections.filter((s) => s.heading || s.blocks.length);
  return [reportRecord(digest, options), ...sections.map((s) => sectionRecord(digest, s, options))];
}
