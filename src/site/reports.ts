// The reports as pages see them, in a stable reading order. A listing holds what lists and links
// show (slug, title, front matter) and the key of its digest; the full digest (every paragraph and
// figure) is read from disk by the page that needs it and dropped after, so a build never holds
// 1,000 full digests (~300 MB of heap) for its whole length.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildMode } from "../build/build-mode.ts";
import { generatedKeys, type ReportHead, readDigestFile, readHeads } from "../build/digest-store.ts";
import { layout } from "../build/layout.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { reportTitle } from "./summary.ts";

export interface ReportListing {
  report: ReportHead;
  href: string;
  /** Changes whenever the digest does (see generatedKeys); empty when unknown. */
  key: string;
  /** Changes whenever the body (its HTML, or the MDX @astrojs/mdx compiles) does; empty when unknown. */
  bodyKey: string;
}

export const reportHref = (slug: string) => `/reports/${slug}/`;

// The slug last, so the order does not depend on the order heads were written in (a joined build's
// come shard by shard).
const byYearThenTitle = (a: ReportHead, b: ReportHead) =>
  (b.meta.year ?? 0) - (a.meta.year ?? 0) ||
  (a.meta.region ?? "").localeCompare(b.meta.region ?? "", "zh-CN") ||
  reportTitle(a).localeCompare(reportTitle(b), "zh-CN") ||
  (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

let listings: ReportListing[] | undefined;

/** Every report, newest first; read once per build (every time in dev, where content changes). */
export async function allReports(): Promise<ReportListing[]> {
  if (listings && !import.meta.env.DEV) return listings;
  const root = process.cwd();
  const keys = generatedKeys(root, "digests");
  const bodyKeys = new Map([...generatedKeys(root, "mdx-pages"), ...generatedKeys(root, "bodies")]);
  listings = readHeads(root)
    .sort(byYearThenTitle)
    .map((report) => ({
      report,
      href: reportHref(report.slug),
      key: keys.get(report.slug) ?? "",
      bodyKey: bodyKeys.get(report.slug) ?? "",
    }));
  return listings;
}

/**
 * The reports whose pages this build renders: all of them, but none in a join of build shards,
 * which takes each shard's report pages as they were built.
 */
export async function renderedReports(): Promise<ReportListing[]> {
  return buildMode().kind === "join" ? [] : allReports();
}

const digestPath = (slug: string) => join(layout(process.cwd()).digests, `${slug}.json`);

/** A report's full digest, read for the page that needs it. */
export const loadDigest = (listing: ReportListing): ReportDigest =>
  readDigestFile(digestPath(listing.report.slug));

/**
 * A report's body as HTML (compiled from its MDX by generate()), or undefined when its MDX needs
 * @astrojs/mdx (an ejected page with imports or expressions: the "reports" collection).
 */
export function loadBody(listing: ReportListing): string | undefined {
  const path = join(layout(process.cwd()).bodies, `${listing.report.slug}.html`);
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

export { reportTitle };
