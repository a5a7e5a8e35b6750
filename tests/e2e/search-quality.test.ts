// Search quality on the query set (tests/search-queries.json) against the built site: recall@5 of
// the expected sections, and the share of top-5 results that hold the whole query or all its words.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { digest, holdsQuery, queryCases, searchOnPage, sectionIdOf } from "../support/search-harness.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${siteUrl}/search/`);
});
afterAll(() => browser?.close());

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
        if (holdsQuery(digest(h.report), h, c.q)) precise++;
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
    expect(recall).toBe(1);
    expect(precision).toBe(1);
  });
});
