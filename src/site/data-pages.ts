// What the data pages (/data/, /regions/, /indicators/, /topics/, exports, feed, sitemap) and the
// glossary share:
// the figures table and its indexes, built once per build from the digests rather than once per
// page (with 100,000 figures and hundreds of pages, that is the difference between seconds and
// hours). Rebuilt when the set of reports changes (astro dev).

import {
  type FacetOptions,
  facetOptions,
  indicatorNames,
  type ReportRef,
  type StatsDocument,
  viewRow,
} from "../shared/data-row.ts";
import {
  buildStats,
  type RegionEntry,
  regionIndex,
  TABLE_PAGE_SIZE,
  type TopicEntry,
  tablePageCount,
  tablePageHref,
  topicIndex,
  topicPageHrefs,
} from "./data.ts";
import { collectSeries, type Series } from "./data-series.ts";
import { digestOutline } from "./digest-outline.ts";
import { type TermUse, termUses } from "./glossary-usage.ts";
import { allReports, loadDigest, type ReportListing } from "./reports.ts";
import { describe } from "./summary.ts";
import { type TargetTrack, trackTargets } from "./targets.ts";

export interface SiteData {
  listings: ReportListing[];
  stats: StatsDocument;
  regions: RegionEntry[];
  topics: TopicEntry[];
  /** Every region's series, grouped by indicator id (the indicator pages). */
  seriesByIndicator: Map<string, Series[]>;
  /** Every series grouped by region name (the region pages). */
  seriesByRegion: Map<string, Series[]>;
  /** Number of figures per region name. */
  figuresByRegion: Map<string, number>;
  /** Options of the /data/ filter selects. */
  facets: FacetOptions;
  /** Each report's one-line summary (the feed), by slug. */
  summaries: Map<string, string>;
  /** Where each glossary term is used (the glossary page). */
  termUses: Map<string, TermUse[]>;
  /** Every region's targets judged against the next year's results (/data/targets.*). */
  targets: TargetTrack[];
  /** The same, by region name (the region pages). */
  targetsByRegion: Map<string, TargetTrack[]>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

let cache: { key: string; data: SiteData } | undefined;

function load(listings: ReportListing[]): SiteData {
  // Every digest, read once for everything built from all of them, held as its outline.
  const full = listings.map((l) => ({ digest: digestOutline(loadDigest(l)), href: l.href }));
  const digests = full.map((f) => f.digest);
  const stats = buildStats(full);
  const series = collectSeries(stats);
  const targets = trackTargets(
    full.map((f, i) => ({ digest: f.digest, ref: stats.reports[i] as ReportRef })),
  );
  const figuresByRegion = new Map<string, number>();
  for (const row of stats.rows) {
    const region = stats.reports[row[0]]?.region;
    if (region) figuresByRegion.set(region, (figuresByRegion.get(region) ?? 0) + 1);
  }
  return {
    listings,
    stats,
    regions: regionIndex(stats),
    topics: topicIndex(full),
    seriesByIndicator: groupBy(series, (s) => s.indicator.id),
    seriesByRegion: groupBy(series, (s) => s.region),
    figuresByRegion,
    facets: facetOptions(stats),
    summaries: new Map(digests.map((d) => [d.slug, describe(d)])),
    termUses: termUses(digests),
    targets,
    targetsByRegion: groupBy(targets, (t) => t.region),
  };
}

export async function siteData(): Promise<SiteData> {
  const listings = await allReports();
  const key = listings.map((l) => `${l.report.slug}:${l.key}`).join("|");
  if (cache?.key !== key) cache = { key, data: load(listings) };
  return cache.data;
}

/** What one page of the /data/ table shows: its rows (as displayed), where they start, how many pages. */
export function tablePage(data: SiteData, page: number) {
  const { stats } = data;
  const names = indicatorNames(stats);
  const offset = (page - 1) * TABLE_PAGE_SIZE;
  const rows = stats.rows.slice(offset, offset + TABLE_PAGE_SIZE).map((row) => viewRow(stats, names, row));
  return { offset, rows, pages: tablePageCount(stats.rows.length) };
}

/** Every page the site builds (for the sitemap; tests check it against the built files). */
export function sitePaths(data: SiteData): string[] {
  return [
    "/",
    "/search/",
    "/compare/",
    "/glossary/",
    ...data.listings.map((l) => l.href),
    ...Array.from({ length: tablePageCount(data.stats.rows.length) }, (_, i) => tablePageHref(i + 1)),
    "/regions/",
    ...data.regions.map((r) => `/regions/${r.slug}/`),
    "/indicators/",
    ...data.stats.indicators.map((i) => `/indicators/${i.id}/`),
    "/topics/",
    ...data.topics.flatMap(topicPageHrefs),
  ];
}
