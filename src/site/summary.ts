// Page-level summaries of a digest: table of contents, reading time, headline figures and the
// one-line description used in listings and link previews.
import type { ReportDigest, Stat } from "../ingest/types.ts";
import { formatValue } from "../shared/format.ts";
import { normalizePunctuation } from "../shared/punctuation.ts";
import { catalogIndicator, HEADLINE } from "./indicator-catalog.ts";

const HAN_CHARS = /\p{Script=Han}/gu;

export interface TocEntry {
  id: string;
  heading: string;
  level: 1 | 2 | 3;
}

export interface KeyFigure {
  name: string;
  value: string;
  growth?: string;
  statId: string;
}

const CJK_PER_MINUTE = 400;

export function tableOfContents(digest: ReportDigest): TocEntry[] {
  return digest.sections.flatMap((s) =>
    s.heading ? [{ id: s.id, heading: normalizePunctuation(s.heading), level: s.level }] : [],
  );
}

function cjkCount(digest: ReportDigest): number {
  let n = 0;
  for (const s of digest.sections) for (const b of s.blocks) n += b.text.match(HAN_CHARS)?.length ?? 0;
  return n;
}

export const readingMinutes = (digest: ReportDigest) =>
  Math.max(1, Math.round(cjkCount(digest) / CJK_PER_MINUTE));

const isGrowth = (s: Stat) => s.kind === "growth";

/** The first reported figure of each headline indicator, with the growth rate stated right after it. */
export function keyFigures(digest: ReportDigest, limit = 6): KeyFigure[] {
  const found = new Map<string, KeyFigure>();
  digest.stats.forEach((stat, i) => {
    const indicator = catalogIndicator(stat.indicator);
    if (!indicator || !HEADLINE.includes(indicator.id) || found.has(indicator.id)) return;
    if (stat.measure !== "level" || stat.unit === "%") return;
    const next = digest.stats[i + 1];
    const growth = next && next.blockId === stat.blockId && isGrowth(next) ? next : undefined;
    found.set(indicator.id, {
      name: indicator.name,
      value: formatValue(stat.value, stat.unit),
      growth: growth
        ? `${growth.value < 0 ? "下降" : "增长"}${formatValue(Math.abs(growth.value), growth.unit)}`
        : undefined,
      statId: stat.id,
    });
  });
  return HEADLINE.flatMap((id) => {
    const f = found.get(id);
    return f ? [f] : [];
  }).slice(0, limit);
}

/** One line for listings and link previews: the headline figures, else the opening words. */
export function describe(digest: ReportDigest): string {
  const figures = keyFigures(digest, 3).map((f) => `${f.name}${f.value}${f.growth ? `（${f.growth}）` : ""}`);
  if (figures.length) return figures.join("；");
  const first = digest.sections.find((s) => s.blocks.length)?.blocks[0]?.text ?? "";
  return first.length > 90 ? `${first.slice(0, 90)}…` : first;
}

/** The topics most sections of a report carry, most frequent first (ties in reading order). */
export function mainTopics(digest: ReportDigest, limit = 3): string[] {
  const counts = new Map<string, number>();
  for (const s of digest.sections) for (const t of s.topics ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([topic]) => topic);
}

export { reportTitle } from "../shared/report-title.ts";
