// Search quality on the query set (tests/search-queries.json) against the built site: recall@5 of
// the expected sections, and the share of top-5 results that hold the whole query or all its words.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseQuery } from "../../src/search/query.ts";
import { launchBrowser } from "../support/browser.ts";
import {
  digest,
  queryCases,
  type ShownHit,
  searchOnPage,
  sectionIdOf,
  sectionText,
} from "../support/search-harness.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${siteUrl}/search/`);
});
afterAll(() => browser?.close());

const norm = (s: string) => s.normalize("NFKC").toLowerCase();
/** Substring match where a figure is not part of a longer figure (12 in 120, 5.2% in 15.2%). */
function holds(text: string, needle: string): boolean {
  const n = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = `${/^[0-9]/.test(needle) ? "(?<![0-9.])" : ""}${n}${/[0-9]$/.test(needle) ? "(?![0-9]|\\.[0-9])" : ""}`;
  return new RegExp(pattern).test(text);
}
/** A term's words as a reader names them: two or more segments of two or more characters. */
function words(s: string): string[] {
  const all = [...new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(s)].filter(
    (x) => x.isWordLike,
  );
  const named = all.map((x) => x.segment).filter((w) => w.length > 1 || /[0-9a-z]/i.test(w));
  return named.length >= 2 ? named : [];
}

/** Does a shown hit hold the whole query (a synonym counts) or every word of it? */
function relevant(hit: ShownHit, q: string): boolean {
  const d = digest(hit.report);
  // A section hit must hold the query in its own text; the report hit in its title or front matter.
  const { region, year, kind, source, meeting, speaker } = d.meta;
  const about = [d.title, region, year && `${year}年`, kind, source, meeting, speaker];
  const text = norm(hit.section ? sectionText(d, hit.section) : about.filter(Boolean).join("\n"));
  const query = parseQuery(q);
  return query.terms.every(
    (t) =>
      t.alternatives.some((a) => holds(text, a)) ||
      (!query.exact && words(t.text).length > 0 && words(t.text).every((w) => holds(text, w))),
  );
}

describe("search quality on the query set", () => {
  it("finds the expected sections in the top 5, and the top 5 hold the query", async () => {
    let expected = 0;
    let recalled = 0;
    let shown = 0;
    let precise = 0;
    const misses: string[] = [];
    const times: number[] = [];
    for (const c of queryCases) {
      const { hits, ms } = await searchOnPage(page, c.q);
      times.push(ms);
      const top = hits.slice(0, 5);
      if (c.expect.length === 0) {
        expect(hits, `"${c.q}" has no answer`).toEqual([]);
        continue;
      }
      for (const e of c.expect) {
        expected++;
        const id = sectionIdOf(e);
        if (top.some((h) => h.report === e.report && h.section === id)) recalled++;
        else misses.push(`miss  "${c.q}" (${c.kind}): ${e.report}#${id} «${e.text ?? "title"}»`);
      }
      for (const h of top) {
        shown++;
        if (relevant(h, c.q)) precise++;
        else misses.push(`noise "${c.q}": ${h.report}#${h.section}`);
      }
    }
    const recall = recalled / expected;
    const precision = precise / shown;
    times.sort((a, b) => a - b);
    console.log(
      [
        `search quality: ${queryCases.length} queries, ${expected} expected sections`,
        `  recall@5            ${(recall * 100).toFixed(1)}% (${recalled}/${expected})`,
        `  top-5 hold query    ${(precision * 100).toFixed(1)}% (${precise}/${shown})`,
        `  keystroke→results   median ${times[Math.floor(times.length / 2)]?.toFixed(0)} ms, max ${times.at(-1)?.toFixed(0)} ms`,
        ...misses.map((m) => `  ${m}`),
      ].join("\n"),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
