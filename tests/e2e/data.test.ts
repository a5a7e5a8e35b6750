// Figures across reports, as a reader and a spreadsheet user meet them: /data/ with and without
// JavaScript, figure links that land on their figure, the exports (CSV, JSON), the region and
// indicator pages, the feed and the sitemap, all read back from the built site.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { CSV_HEADER } from "../../src/shared/data-csv.ts";
import type { RowTuple, StatsDocument } from "../../src/shared/data-row.ts";
import { launchBrowser } from "../support/browser.ts";
import { parseCsv } from "../support/csv.ts";
import { htmlFiles } from "../support/html.ts";

const siteUrl = inject("siteUrl");
const siteDir = inject("siteDir");
let browser: Browser;
let page: Page;
let stats: StatsDocument;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  stats = (await (await fetch(`${siteUrl}/data/stats.json`)).json()) as StatsDocument;
});
afterAll(() => browser?.close());

const bodyRows = () => page.locator("[data-body] tr:not(.dt-spacer)");
const waitReady = () =>
  page.waitForFunction(() => document.querySelector("[data-table]")?.hasAttribute("data-ready"));
const waitForQuery = (search: string) => page.waitForFunction((s) => location.search === s, search);
const clearReady = () =>
  page.evaluate(() => document.querySelector("[data-table]")?.removeAttribute("data-ready"));

// The digest contract (../shared/digest-contract.md), independently of the TypeScript types.
const id = z.string().regex(/^[a-z0-9-]+$/);
const contract = z.object({
  slug: id,
  title: z.string().nullable(),
  meta: z.looseObject({
    encoding: z.string(),
    region: z.string().optional(),
    year: z.number().int().optional(),
    date: z.string().optional(),
    kind: z.string().optional(),
    source: z.string().optional(),
  }),
  sections: z.array(
    z.object({
      id,
      heading: z.string().nullable(),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      blocks: z.array(z.object({ id, type: z.enum(["paragraph", "list"]), text: z.string() })),
    }),
  ),
  stats: z.array(
    z.object({
      id,
      text: z.string(),
      value: z.number(),
      unit: z.string(),
      label: z.string().nullable(),
      kind: z.string(),
      blockId: id,
      start: z.number().int().nonnegative(),
    }),
  ),
  furniture: z.array(z.object({ type: z.string(), text: z.string() })),
});

describe("/data/ without JavaScript", () => {
  it("is a plain table of the first rows with links to the other pages and the CSV", async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const plain = await context.newPage();
    await plain.goto(`${siteUrl}/data/`);
    const rows = plain.locator("[data-body] tr");
    expect(await rows.count()).toBe(Math.min(200, stats.rows.length));
    expect(await plain.locator("[data-controls]").isHidden()).toBe(true);
    expect(await plain.locator("a[href='/data/stats.csv']").count()).toBe(1);
    if (stats.rows.length > 200) {
      await plain.click("[data-pager] a[rel=next]");
      await plain.waitForURL(/\/data\/2\/$/);
      expect(await plain.locator("[data-body] tr").count()).toBe(Math.min(200, stats.rows.length - 200));
    }
    // On a phone the value column is in view without scrolling sideways.
    await plain.goto(`${siteUrl}/data/`);
    const value = await plain.locator("[data-body] td.num").first().boundingBox();
    expect(value && value.x + value.width <= 390).toBe(true);
    await context.close();
  });
});

describe("/data/ with JavaScript", () => {
  it("filters by keyword and region, and keeps the filter in the URL", async () => {
    await page.goto(`${siteUrl}/data/`);
    await page.fill("input[name=q]", "生产总值");
    // The URL is written by the same synchronous step that renders the filtered rows.
    await waitForQuery(`?q=${encodeURIComponent("生产总值")}`);
    const texts = await bodyRows().allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) expect(t).toContain("生产总值");
    expect(await page.textContent("[data-status]")).toMatch(/筛选出/);

    await page.fill("input[name=q]", "");
    await page.selectOption("select[name=region]", "上街区");
    await waitForQuery(`?region=${encodeURIComponent("上街区")}`);
    const regions = await page.locator("[data-body] tr:not(.dt-spacer) td:first-child").allTextContents();
    expect(new Set(regions)).toEqual(new Set(["上街区"]));
    const expected = stats.rows.filter((r) => stats.reports[r[0]]?.region === "上街区").length;
    expect(await page.getAttribute("table", "aria-rowcount")).toBe(String(expected + 1));
  });

  it("downloads, with filters set, the rows shown as CSV and JSON", async () => {
    await page.goto(`${siteUrl}/data/?region=${encodeURIComponent("上街区")}&sort=-value`);
    await page.waitForSelector("[data-table][data-ready]");
    const expected = stats.rows.filter((r) => stats.reports[r[0]]?.region === "上街区").length;
    const csvLink = page.locator('a[data-export="csv"]');
    expect(await csvLink.textContent()).toContain(`筛选出的 ${expected.toLocaleString("zh-CN")} 项`);
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), csvLink.click()]);
    expect(csvDownload.suggestedFilename()).toBe("数据-上街区.csv");
    const bytes = new Uint8Array(readFileSync((await csvDownload.path()) as string));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes));
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.length - 1).toBe(expected);
    expect(new Set(rows.slice(1).map((r) => r[0]))).toEqual(new Set(["上街区"]));
    // In the order shown: largest value first.
    const values = rows.slice(1).map((r) => Number(r[7]));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(rows[1]?.[11]).toMatch(/^https?:\/\/[^#]+\/reports\/[a-z0-9-]+\/#[a-z0-9-]+$/);

    const [jsonDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.locator('a[data-export="json"]').click(),
    ]);
    const json = JSON.parse(readFileSync((await jsonDownload.path()) as string, "utf8")) as typeof stats;
    expect(json.rows.length).toBe(expected);
    expect(json.rows.every((r) => json.reports[r[0]]?.region === "上街区")).toBe(true);

    // Filters cleared: the links are the whole table's files again.
    await page.selectOption("select[name=region]", "");
    await page.waitForFunction(
      () => !document.querySelector('a[data-export="csv"]')?.textContent?.includes("筛选"),
    );
    expect(await csvLink.getAttribute("href")).toBe("/data/stats.csv");
  });

  it("sorts by value, largest first, and says so with aria-sort", async () => {
    await page.goto(`${siteUrl}/data/?region=${encodeURIComponent("上街区")}`);
    await waitReady();
    await clearReady();
    await page.click("th[data-col='value'] button");
    await waitReady();
    expect(await page.getAttribute("th[data-col='value']", "aria-sort")).toBe("descending");
    const mine = stats.rows.filter((r) => stats.reports[r[0]]?.region === "上街区");
    const top = mine.reduce((a, b) => (b[7] > a[7] ? b : a));
    const topReport = stats.reports[top[0]];
    const href = await bodyRows().first().locator("td.num a").getAttribute("href");
    expect(href).toBe(`${topReport?.href}#${top[10]}`);
    // Again: smallest first.
    await clearReady();
    await page.click("th[data-col='value'] button");
    await waitReady();
    expect(await page.getAttribute("th[data-col='value']", "aria-sort")).toBe("ascending");
    const low = mine.reduce((a, b) => (b[7] < a[7] ? b : a));
    expect(await bodyRows().first().locator("td.num a").getAttribute("href")).toBe(
      `${stats.reports[low[0]]?.href}#${low[10]}`,
    );
  });

  it("renders only the rows in view and more on scroll", async () => {
    await page.goto(`${siteUrl}/data/?sort=region`);
    await waitReady();
    const inDom = await bodyRows().count();
    expect(inDom).toBeLessThan(stats.rows.length);
    const lastIndex = async () => Number(await bodyRows().last().getAttribute("aria-rowindex"));
    const before = await lastIndex();
    await page.locator("[data-scroll]").evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForFunction((n) => {
      const rows = document.querySelectorAll("[data-body] tr[aria-rowindex]");
      return Number(rows[rows.length - 1]?.getAttribute("aria-rowindex")) > n;
    }, before);
    expect(await lastIndex()).toBe(stats.rows.length + 1);
  });

  it("opens a figure link on the figure it names", async () => {
    await page.goto(`${siteUrl}/data/`);
    const link = page.locator("[data-body] td.num a").first();
    const href = (await link.getAttribute("href")) ?? "";
    await link.click();
    await page.waitForURL(/#/);
    const statId = href.split("#")[1] ?? "";
    const target = page.locator(`[id="${statId}"]`);
    expect(await target.isVisible()).toBe(true);
    expect(await target.getAttribute("class")).toContain("stat");
  });
});

describe("exports", () => {
  it("has an anchor in its report for every figure of stats.json", () => {
    const missing: string[] = [];
    const byReport = new Map<number, RowTuple[]>();
    for (const row of stats.rows) byReport.set(row[0], [...(byReport.get(row[0]) ?? []), row]);
    for (const [index, rows] of byReport) {
      const report = stats.reports[index];
      const html = readFileSync(join(siteDir, report?.href ?? "", "index.html"), "utf8");
      for (const row of rows)
        if (!html.includes(`id="${row[10]}"`)) missing.push(`${report?.href}#${row[10]}`);
    }
    expect(missing).toEqual([]);
    expect(stats.rows.length).toBeGreaterThan(100);
  });

  it("writes a CSV that Excel reads as UTF-8 and that parses back to every figure", async () => {
    const bytes = new Uint8Array(await (await fetch(`${siteUrl}/data/stats.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8").decode(bytes));
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows.length - 1).toBe(stats.rows.length);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
    const shangjie = rows.filter((r) => r[0] === "上街区");
    expect(shangjie.length).toBeGreaterThan(0);
    expect(rows.some((r) => r[4] === "地区生产总值")).toBe(true);
    // Values are numbers a spreadsheet can sum, links are absolute.
    for (const r of rows.slice(1)) {
      expect(Number.isFinite(Number(r[7]))).toBe(true);
      expect(r[11]).toMatch(/^https?:\/\/[^#]+\/reports\/[a-z0-9-]+\/#[a-z0-9-]+$/);
    }
  });

  it("publishes every report's digest as JSON that follows the contract", async () => {
    expect(stats.reports.length).toBeGreaterThan(0);
    for (const report of stats.reports) {
      const json = await (await fetch(`${siteUrl}/data/reports/${report.slug}.json`)).json();
      const digest = contract.parse(json);
      expect(digest.slug).toBe(report.slug);
      for (const s of digest.stats) {
        const block = digest.sections.flatMap((sec) => sec.blocks).find((b) => b.id === s.blockId);
        expect(block?.text.slice(s.start, s.start + s.text.length)).toBe(s.text);
      }
    }
  });
});

describe("regions and indicators", () => {
  it("shows 上街区's reports by year and its indicators as accessible charts with tables", async () => {
    await page.goto(`${siteUrl}/regions/`);
    const names = await page.locator(".region-list a").allTextContents();
    expect(names).toContain("上街区");
    expect(names.length).toBe(new Set(stats.reports.map((r) => r.region).filter(Boolean)).size);
    await page.click("text=上街区");
    await page.waitForURL(/\/regions\/shangjiequ\/$/);
    expect(await page.textContent("h1")).toBe("上街区");
    const charts = page.locator("svg.chart[role=img]");
    expect(await charts.count()).toBeGreaterThan(0);
    const first = page.locator(".chart-card").first();
    expect((await first.locator("svg title").textContent())?.startsWith("上街区")).toBe(true);
    expect(await first.locator("svg desc").textContent()).toMatch(/\d{4}年/);
    expect(await first.locator("table.chart-table tbody tr").count()).toBeGreaterThan(0);
    // The GDP chart is there and its table links into a report.
    const gdp = page.locator("#gdp-level");
    expect(await gdp.count()).toBe(1);
    expect(await gdp.locator("tbody a").first().getAttribute("href")).toMatch(
      /^\/reports\/[a-z0-9-]+\/#[a-z0-9-]+$/,
    );
    // No chart JavaScript: the page loads no script beyond the site's own.
    expect(await page.locator("script[src*='chart']").count()).toBe(0);
  });

  it("compares one indicator across regions", async () => {
    await page.goto(`${siteUrl}/indicators/gdp/`);
    expect(await page.textContent("h1")).toBe("地区生产总值");
    expect(await page.locator("svg.chart[role=img]").count()).toBeGreaterThan(0);
    const regions = await page.locator(".chart-table tbody th a").allTextContents();
    expect(regions.length).toBeGreaterThan(1);
  });
});

describe("accessibility", () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const violations = async () => {
    await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  };

  for (const path of ["/data/", "/regions/shangjiequ/", "/indicators/gdp/", "/regions/", "/topics/"]) {
    it(`has no axe violations on ${path}`, async () => {
      await page.goto(`${siteUrl}${path}`);
      expect(await violations()).toEqual([]);
    });
  }

  it("has no axe violations on the enhanced, sorted table", async () => {
    await page.goto(`${siteUrl}/data/?sort=-value`);
    await waitReady();
    expect(await violations()).toEqual([]);
  });
});

describe("feed and sitemap", () => {
  const parseXml = (xml: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "application/xml");
      if (doc.querySelector("parsererror"))
        return { error: doc.querySelector("parsererror")?.textContent ?? "" };
      const root = doc.documentElement;
      const ns = root.namespaceURI;
      const entries = [...root.getElementsByTagNameNS(ns, "entry")].map((e) => ({
        title: e.getElementsByTagNameNS(ns, "title")[0]?.textContent ?? "",
        href: e.getElementsByTagNameNS(ns, "link")[0]?.getAttribute("href") ?? "",
        updated: e.getElementsByTagNameNS(ns, "updated")[0]?.textContent ?? "",
      }));
      const locs = [...root.getElementsByTagNameNS(ns, "loc")].map((l) => l.textContent ?? "");
      return { root: root.localName, ns, entries, locs };
    }, xml);

  it("links both from every page's head", async () => {
    for (const path of ["/", "/data/", "/regions/shangjiequ/", stats.reports[0]?.href ?? "/"]) {
      await page.goto(`${siteUrl}${path}`);
      expect(await page.getAttribute("link[rel=alternate][type='application/atom+xml']", "href")).toBe(
        "/feed.xml",
      );
      expect(await page.getAttribute("link[rel=sitemap]", "href")).toBe("/sitemap.xml");
    }
  });

  it("has a well-formed Atom feed of every report, newest first", async () => {
    await page.goto(`${siteUrl}/`);
    const feed = await parseXml(await (await fetch(`${siteUrl}/feed.xml`)).text());
    expect(feed).toMatchObject({ root: "feed", ns: "http://www.w3.org/2005/Atom" });
    const entries = "entries" in feed ? (feed.entries ?? []) : [];
    expect(entries).toHaveLength(stats.reports.length);
    const dates = entries.map((e) => e.updated);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const e of entries) {
      expect(e.title.length).toBeGreaterThan(0);
      const path = new URL(e.href).pathname;
      expect(existsSync(join(siteDir, path, "index.html"))).toBe(true);
    }
  });

  it("has a sitemap listing exactly the built pages", async () => {
    await page.goto(`${siteUrl}/`);
    const map = await parseXml(await (await fetch(`${siteUrl}/sitemap.xml`)).text());
    expect(map).toMatchObject({ root: "urlset", ns: "http://www.sitemaps.org/schemas/sitemap/0.9" });
    const listed = new Set(("locs" in map ? (map.locs ?? []) : []).map((l) => new URL(l).pathname));
    const built = htmlFiles(siteDir)
      .filter((p) => p !== "/404.html")
      .map((p) => p.replace(/index\.html$/, ""));
    expect([...listed].sort()).toEqual(built.sort());
  });
});
