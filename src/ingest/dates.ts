// Dates as reports write them (2024年1月26日, 二〇二四年一月二十六日), as ISO dates: the one date
// parser the header and the news lead use.
import { chineseToNumber } from "./text.ts";

/** "2024-01-26", or undefined for a month or day that cannot be. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A whole date written in Chinese or Arabic numerals ("2024年1月26日"), as an ISO date. */
export function parseChineseDate(s: string): string | undefined {
  const m =
    /^(\d{4}|[〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/u.exec(
      s,
    );
  if (!m) return undefined;
  const y = chineseToNumber(m[1] as string);
  const mo = chineseToNumber(m[2] as string);
  const d = chineseToNumber(m[3] as string);
  return y == null || mo == null || d == null ? undefined : isoDate(y, mo, d);
}
