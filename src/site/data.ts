// Every figure of every report as one table: each stat with its report and what ingest annotated
// it with (the year it refers to, its canonical indicator, level or growth).
import type { ReportDigest, SectionMode, Stat } from "../ingest/types.ts";
import {
  COLUMNS,
  type IndicatorRef,
  type ReportRef,
  type RowTuple,
  type StatsDocument,
} from "../shared/data-row.ts";
import { asciiSlug, slugMap } from "./data-slugs.ts";
import { indicatorCatalog } from "./indicator-catalog.ts";
import { reportTitle } from "./summary.ts";

export interface Listing {
  digest: ReportDigest;
  href: string;
}

export function reportRef({
  digest,
  href,
}: Pick<Listing, "href"> & { digest: Pick<ReportDigest, "slug" | "title" | "meta"> }): ReportRef {
  const { meta } = digest;
  return {
    slug: digest.slug,
    title: reportTitle(digest),
    region: meta.region ?? null,
    year: meta.year ?? null,
    kind: meta.kind ?? null,
    date: meta.date ?? null,
    href,
  };
}

function statRow(reportIndex: number, stat: Stat): RowTuple {
  // A figure counts for its indicator only as its level or its growth (ingest sets `measure` only
  // on a figure that has an indicator).
  const measure = stat.measure ?? null;
  return [
    reportIndex,
    stat.year ?? null,
    stat.label,
    measure ? (stat.indicator ?? null) : null,
    measure,
    stat.kind,
    stat.target || stat.kind === "target" ? 1 : 0,
    stat.value,
    stat.valueMax ?? null,
    stat.unit,
    stat.id,
  ];
}

/** The whole figures table, reports in the given order, each report's figures in reading order. */
export function buildStats(listings: readonly Listing[]): StatsDocument {
  const rows: RowTuple[] = [];
  listings.forEach(({ digest }, i) => {
    for (const stat of digest.stats) rows.push(statRow(i, stat));
  });
  const used = new Set(rows.map((r) => r[3]));
  const indicatorRefs: IndicatorRef[] = indicatorCatalog.filter((i) => used.has(i.id));
  return { version: 1, columns: COLUMNS, reports: listings.map(reportRef), indicators: indicatorRefs, rows };
}

export interface RegionEntry {
  name: string;
  slug: string;
  /** Newest first. */
  reports: ReportRef[];
}

/** Every region that has reports, in Chinese collation order, with stable ASCII slugs. */
export function regionIndex(doc: Pick<StatsDocument, "reports">): RegionEntry[] {
  const byName = new Map<string, ReportRef[]>();
  for (const r of doc.reports) {
    if (!r.region) continue;
    const list = byName.get(r.region);
    if (list) list.push(r);
    else byName.set(r.region, [r]);
  }
  const slugs = slugMap(byName.keys());
  return [...byName]
    .map(([name, reports]) => ({
      name,
      slug: slugs.get(name) ?? asciiSlug(name),
      reports: reports.sort(
        (a, b) => (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title, "zh-CN"),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

export interface TopicSection {
  id: string;
  heading: string;
  mode: SectionMode | null;
  excerpt: string;
}

export interface TopicReport {
  report: ReportRef;
  sections: TopicSection[];
}

export interface TopicEntry {
  name: string;
  slug: string;
  /** Sections under the topic, across all reports. */
  count: number;
  /** Reports in the given order, each with its sections under the topic in reading order. */
  reports: TopicReport[];
}

const EXCERPT = 60;

/** Reports per page of a topic (/topics/<slug>/, /topics/<slug>/2/, …). */
export const TOPIC_PAGE_SIZE = 25;

/** The pages of a topic, as Astro's paginate() names them. */
export const topicPageHrefs = (topic: Pick<TopicEntry, "slug" | "reports">): string[] =>
  Array.from({ length: Math.max(1, Math.ceil(topic.reports.length / TOPIC_PAGE_SIZE)) }, (_, i) =>
    i === 0 ? `/topics/${topic.slug}/` : `/topics/${topic.slug}/${i + 1}/`,
  );

/** Every section of every report under each topic tag it carries, grouped by report. */
export function topicIndex(listings: readonly Listing[]): TopicEntry[] {
  const byTopic = new Map<string, TopicReport[]>();
  for (const listing of listings) {
    const report = reportRef(listing);
    for (const section of listing.digest.sections) {
      if (!section.heading || !section.topics?.length) continue;
      const text = section.blocks[0]?.text ?? "";
      const entry: TopicSection = {
        id: section.id,
        heading: section.heading,
        mode: section.mode ?? null,
        excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text,
      };
      for (const topic of section.topics) {
        const reports = byTopic.get(topic) ?? [];
        byTopic.set(topic, reports);
        const last = reports[reports.length - 1];
        if (last?.report.slug === report.slug) last.sections.push(entry);
        else reports.push({ report, sections: [entry] });
      }
    }
  }
  const slugs = slugMap(byTopic.keys());
  return [...byTopic]
    .map(([name, reports]) => ({
      name,
      slug: slugs.get(name) ?? asciiSlug(name),
      count: reports.reduce((n, r) => n + r.sections.length, 0),
      reports,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "zh-CN"));
}

/** Rows per static page of /data/: small enough to read on a phone, few enough pages for 100k rows. */
export const TABLE_PAGE_SIZE = 200;

export const tablePageCount = (rows: number) => Math.max(1, Math.ceil(rows / TABLE_PAGE_SIZE));

export const tablePageHref = (page: number) => (page <= 1 ? "/data/" : `/data/${page}/`);
