// Which reports the site offers to compare: a region's reports of consecutive years (its region
// page lists them) and, for a report page, the region's report of the nearest earlier year.
export interface Comparable {
  slug: string;
  region: string | null;
  year: number | null;
  kind: string | null;
}

export const compareHref = (a: string, b: string) =>
  `/compare/?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;

/**
 * A report page's "与上一年对比": the compare page takes as A the region's report of the nearest
 * earlier year (previousReport, from the list it holds of every report). The report page names
 * only itself, so a build shard, which knows its own reports only, renders it as a whole build does.
 */
export const compareWithPreviousHref = (b: string) => `/compare/?b=${encodeURIComponent(b)}`;

/** Of `candidates`, those of `kind` when there are any (a 政府工作报告 answers a 政府工作报告), else all. */
const sameKindFirst = <T extends Comparable>(candidates: T[], kind: string | null): T[] => {
  const same = candidates.filter((c) => c.kind === kind);
  return same.length ? same : candidates;
};

/**
 * The pairs (older, newer) of one region's reports delivered in consecutive years, oldest first;
 * where a year has several reports, each is paired with those of the other year of its own kind
 * when there are any.
 */
export function consecutivePairs<T extends Comparable>(reports: readonly T[]): Array<[T, T]> {
  const byYear = new Map<number, T[]>();
  for (const r of reports) if (r.year !== null) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const pairs: Array<[T, T]> = [];
  for (const year of [...byYear.keys()].sort((x, y) => x - y)) {
    const earlier = byYear.get(year - 1);
    if (!earlier) continue;
    for (const newer of byYear.get(year) ?? [])
      for (const older of sameKindFirst(earlier, newer.kind)) pairs.push([older, newer]);
  }
  return pairs;
}

/** The report of `report`'s region from the nearest earlier year (of its kind when there is one). */
export function previousReport<T extends Comparable>(report: Comparable, all: readonly T[]): T | undefined {
  const { year, region } = report;
  if (year === null || !region) return undefined;
  const earlier = all.filter((r) => r.region === region && r.year !== null && r.year < year);
  const nearest = Math.max(...earlier.map((r) => r.year ?? 0));
  return sameKindFirst(
    earlier.filter((r) => r.year === nearest),
    report.kind,
  )[0];
}
