// The name a report is shown under, on the pages and in the browser (the compare page).
import type { ReportDigest } from "../ingest/types.ts";

/**
 * The name a report is shown under: its own title, else what it is ("三亚市2024年政府工作报告",
 * from the detected region, year and kind; many reports open with 各位代表 and have no title line).
 */
export function reportTitle(d: Pick<ReportDigest, "slug" | "title" | "meta">): string {
  if (d.title) return d.title;
  const { region, year, kind } = d.meta;
  return region || kind ? `${region ?? ""}${year ? `${year}年` : ""}${kind ?? "报告"}` : d.slug;
}
