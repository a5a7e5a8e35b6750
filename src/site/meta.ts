// What a page tells link previews and search engines: the description, the Open Graph type and
// date, and the schema.org JSON-LD of a report, so a link pasted into WeChat or cited in writing
// previews with the report's title and headline figures.
import type { ReportDigest } from "../ingest/types.ts";
import { describe } from "./summary.ts";

export const SITE_NAME = "报告精读";
/** Link previews cut descriptions around here; longer ones end in an ellipsis at a clause. */
const MAX_DESCRIPTION = 120;
/** schema.org / Google recommend headlines of at most 110 characters. */
const MAX_HEADLINE = 110;

export interface PageMeta {
  title: string;
  description?: string;
  /** "article" for a report, "website" for listings. */
  type?: "article" | "website";
  /** ISO date the report was delivered or published. */
  published?: string;
  /** schema.org data, rendered as application/ld+json. */
  jsonLd?: Record<string, unknown>;
}

/** Cuts at the last clause break (；，。) that fits, else hard, and marks the cut with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const cut = Math.max(head.lastIndexOf("；"), head.lastIndexOf("，"), head.lastIndexOf("。"));
  return `${cut > max / 2 ? head.slice(0, cut) : head}…`;
}

/** Below this length the headline figures alone make a thin preview: the opening words follow. */
const THIN_DESCRIPTION = 40;

/** The headline figures (summary.ts describe()), and the opening words when they are few. */
function previewText(digest: ReportDigest): string {
  const headline = describe(digest);
  const opening = digest.sections.find((s) => s.blocks.length)?.blocks[0]?.text.replace(/\s+/gu, "") ?? "";
  if (headline.length >= THIN_DESCRIPTION || opening.startsWith(headline)) return headline;
  return `${headline}。${opening}`;
}

/** A date the digest states as an ISO date (YYYY-MM-DD), else undefined. */
const isoDate = (date: string | undefined) => (date && /^\d{4}-\d{2}-\d{2}$/u.test(date) ? date : undefined);

/** The meta of a report page: headline figures as description, and a schema.org Report. */
export function reportMeta(
  digest: ReportDigest,
  { title, pageUrl, siteUrl }: { title: string; pageUrl: string; siteUrl: string },
): PageMeta {
  const description = clip(previewText(digest), MAX_DESCRIPTION);
  const { region, year, kind } = digest.meta;
  const published = isoDate(digest.meta.date);
  const jsonLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Report",
    headline: clip(title, MAX_HEADLINE),
    name: title,
    description,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    inLanguage: "zh-CN",
    ...(published ? { datePublished: published } : year ? { datePublished: String(year) } : {}),
    ...(kind ? { genre: kind } : {}),
    ...(region ? { about: { "@type": "AdministrativeArea", name: region } } : {}),
    ...(digest.meta.source
      ? { sourceOrganization: { "@type": "Organization", name: digest.meta.source } }
      : {}),
    publisher: { "@type": "Organization", name: SITE_NAME, url: siteUrl },
    isPartOf: { "@type": "WebSite", name: SITE_NAME, url: siteUrl },
  };
  return { title, description, type: "article", published, jsonLd };
}

/**
 * JSON for a <script type="application/ld+json"> element. Report text must never end the element
 * or be read as markup: "<", ">" and "&" become \u escapes (still the same JSON strings), and so
 * do U+2028/U+2029, which older JavaScript parsers take for line ends.
 */
export function jsonLdText(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
