// The reports as pages see them: digests from the collection, in a stable reading order.
import { getCollection } from "astro:content";
import type { ReportDigest } from "../ingest/types.ts";

export interface ReportListing {
  digest: ReportDigest;
  href: string;
}

export const reportHref = (slug: string) => `/reports/${slug}/`;

const byYearThenTitle = (a: ReportDigest, b: ReportDigest) =>
  (b.meta.year ?? 0) - (a.meta.year ?? 0) ||
  (a.meta.region ?? "").localeCompare(b.meta.region ?? "", "zh-CN") ||
  (a.title ?? a.slug).localeCompare(b.title ?? b.slug, "zh-CN");

/** Every report, newest first. */
export async function allReports(): Promise<ReportListing[]> {
  const entries = await getCollection("digests");
  return entries
    .map((e: { data: unknown }) => e.data as ReportDigest)
    .sort(byYearThenTitle)
    .map((digest: ReportDigest) => ({ digest, href: reportHref(digest.slug) }));
}

export { reportTitle } from "./summary.ts";
