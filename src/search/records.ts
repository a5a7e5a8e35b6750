// One search record per report section (not per page): a hit is section-sized, its fragment holds
// just that section's text, and its URL is the section anchor. Records are small HTML documents
// so pagefind's own attributes carry the weights, metadata, filters and sort keys.
import type { ReportDigest, Section } from "../ingest/types.ts";

export interface SectionRecord {
  url: string;
  html: string;
}

export interface RecordOptions {
  /** Href of the report page ("/reports/slug/"). */
  href: string;
  /** Title shown for the report (the digest title or a fallback). */
  title: string;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);

const meta = (name: string, value: string) =>
  `<span data-pagefind-meta="${name}:${escapeHtml(value)}"></span>`;
const filter = (name: string, value: string) =>
  `<span data-pagefind-filter="${name}:${escapeHtml(value)}"></span>`;

/** A sort key that orders reports by date, falling back to the year. */
export function dateKey(digest: ReportDigest): string {
  return digest.meta.date ?? (digest.meta.year ? `${digest.meta.year}-00-00` : "0000-00-00");
}

function sectionRecord(
  digest: ReportDigest,
  section: Section,
  index: number,
  options: RecordOptions,
): SectionRecord {
  const { region, year, kind } = digest.meta;
  const heading = section.heading ?? options.title;
  const head: string[] = [
    meta("title", heading),
    meta("report", options.title),
    meta("slug", digest.slug),
    meta("date", dateKey(digest)),
    meta("order", String(index)),
    region ? meta("region", region) : "",
    year ? meta("year", String(year)) : "",
    kind ? meta("kind", kind) : "",
    region ? filter("region", region) : "",
    year ? filter("year", String(year)) : "",
    kind ? filter("kind", kind) : "",
    ...(section.topics ?? []).map((t) => filter("topic", t)),
  ];
  // The report's title and region sit in every section at low weight, so "上街区 营商环境" finds the
  // 营商环境 section of 上街区 reports; the heading weighs most.
  // What the section's figures measure (地区生产总值, 一般公共预算收入 …): a query for an indicator
  // ranks first the sections where its figure stands.
  const blockIds = new Set(section.blocks.map((b) => b.id));
  const labels = [
    ...new Set(digest.stats.filter((st) => blockIds.has(st.blockId) && st.label).map((st) => st.label)),
  ];
  if (labels.length) head.push(meta("figures", labels.join("、")));
  const context = [options.title, region, kind].filter(Boolean).join(" ");
  const body = section.blocks.map((b) => `<p>${escapeHtml(b.text)}</p>`).join("");
  return {
    url: `${options.href}#${section.id}`,
    html:
      `<html lang="zh-cn"><body><main data-pagefind-body>` +
      `<div data-pagefind-sort="date:${escapeHtml(dateKey(digest))}">${head.join("")}</div>` +
      `<h2 data-pagefind-weight="4">${escapeHtml(heading)}</h2>${body}` +
      `<p data-pagefind-weight="0.5">${escapeHtml(context)}</p>` +
      `</main></body></html>`,
  };
}

export function sectionRecords(digest: ReportDigest, options: RecordOptions): SectionRecord[] {
  return digest.sections
    .filter((s) => s.heading || s.blocks.length)
    .map((s, i) => sectionRecord(digest, s, i, options));
}
