// The reports as pages see them: the generated digests, in a stable reading order.
import { digestKeys, digestsDir, readDigests } from "../build/digest-store.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { reportTitle } from "./summary.ts";

export interface ReportListing {
  digest: ReportDigest;
  href: string;
  /** Changes whenever the digest does (see digestKeys); empty when unknown. */
  key: string;
}

export const reportHref = (slug: string) => `/reports/${slug}/`;

const byYearThenTitle = (a: ReportDigest, b: ReportDigest) =>
  (b.meta.year ?? 0) - (a.meta.year ?? 0) ||
  (a.meta.region ?? "").localeCompare(b.meta.region ?? "", "zh-CN") ||
  reportTitle(a).localeCompare(reportTitle(b), "zh-CN");

let listings: ReportListing[] | undefined;

/** Every report, newest first; read once per build (every time in dev, where content changes). */
export async function allReports(): Promise<ReportListing[]> {
  if (listings && !import.meta.env.DEV) return listings;
  const keys = digestKeys(process.cwd());
  listings = readDigests(digestsDir(process.cwd()))
    .sort(byYearThenTitle)
    .map((digest) => ({ digest, href: reportHref(digest.slug), key: keys.get(digest.slug) ?? "" }));
  return listings;
}

export { reportTitle };
