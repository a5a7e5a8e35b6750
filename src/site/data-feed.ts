// The Atom feed of reports and the sitemap, written by hand: both are a few lines of XML, and
// writing them here keeps every URL the site builds in one place (sitemapUrls) for the test that
// checks the sitemap against the built pages.
import type { ReportRef } from "../shared/data-row.ts";

export const xmlEscape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );

export interface FeedEntry {
  report: ReportRef;
  summary: string;
}

/** When a report appeared: its date, else 1 January of its year; reports without either sort last. */
export function reportUpdated(report: ReportRef): string | null {
  if (report.date && /^\d{4}-\d{2}-\d{2}/.test(report.date)) return `${report.date.slice(0, 10)}T00:00:00Z`;
  return report.year ? `${report.year}-01-01T00:00:00Z` : null;
}

const EPOCH = "1970-01-01T00:00:00Z";

/** Newest first: by date, then by title so equal dates keep a stable order. */
export function feedOrder(entries: readonly FeedEntry[]): FeedEntry[] {
  return [...entries].sort(
    (a, b) =>
      (reportUpdated(b.report) ?? EPOCH).localeCompare(reportUpdated(a.report) ?? EPOCH) ||
      a.report.title.localeCompare(b.report.title, "zh-CN"),
  );
}

export function atomFeed(opts: {
  site: string;
  title: string;
  subtitle: string;
  entries: readonly FeedEntry[];
}): string {
  const abs = (path: string) => xmlEscape(new URL(path, opts.site).href);
  const ordered = feedOrder(opts.entries);
  const updated = ordered.map((e) => reportUpdated(e.report)).find((d) => d !== null) ?? EPOCH;
  const entries = ordered.map(({ report, summary }) => {
    const categories = [report.region, report.kind].filter((c): c is string => Boolean(c));
    return [
      "  <entry>",
      `    <title>${xmlEscape(report.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${abs(report.href)}"/>`,
      `    <id>${abs(report.href)}</id>`,
      `    <updated>${reportUpdated(report) ?? EPOCH}</updated>`,
      ...categories.map((c) => `    <category term="${xmlEscape(c)}"/>`),
      `    <summary>${xmlEscape(summary)}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <title>${xmlEscape(opts.title)}</title>`,
    `  <subtitle>${xmlEscape(opts.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${abs("/feed.xml")}"/>`,
    `  <link rel="alternate" type="text/html" href="${abs("/")}"/>`,
    `  <id>${abs("/")}</id>`,
    `  <updated>${updated}</updated>`,
    "  <author><name>报告精读</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

export function sitemap(site: string, paths: readonly string[]): string {
  const urls = [...new Set(paths)].map((p) => `  <url><loc>${xmlEscape(new URL(p, site).href)}</loc></url>`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}
