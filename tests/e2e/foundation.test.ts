// The foundation's end-to-end path as a reader takes it: home → report → search → result → section.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

describe("reading and searching the built site", () => {
  it("lists every bundled report on the home page and opens one", async () => {
    await page.goto(`${siteUrl}/`);
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    const cards = page.locator(".report-card h2 a");
    expect(await cards.count()).toBe(5);
    const first = cards.first();
    const title = (await first.textContent())?.trim() ?? "";
    await first.click();
    await page.waitForURL(/\/reports\/[a-z0-9-]+\/$/);
    expect((await page.locator("h1").textContent())?.trim()).toBe(title);
    // Sections carry anchors and figures are marked up with their value.
    expect(await page.locator(".sec-h[id]").count()).toBeGreaterThan(0);
    const stat = page.locator("a.stat").first();
    expect(await stat.getAttribute("data-value")).toBeTruthy();
    expect(await stat.getAttribute("data-label")).toBeTruthy();
  });

  it("filters the home page by region, year and kind, in the URL, and clears", async () => {
    await page.goto(`${siteUrl}/`);
    const all = await page.locator("li[data-region]").count();
    await page.selectOption("[data-home-filter] select[name=region]", "上街区");
    await page.waitForURL(/region=/u);
    const regions = await page
      .locator("li[data-region]:visible")
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.region));
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.length).toBeLessThan(all);
    expect(new Set(regions)).toEqual(new Set(["上街区"]));
    await page.selectOption("[data-home-filter] select[name=year]", "2023");
    await page.waitForURL(/year=2023/u);
    const years = await page
      .locator("li[data-region]:visible")
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.year));
    expect(new Set(years)).toEqual(new Set(["2023"]));
    expect(await page.textContent("[data-home-status]")).toContain(`筛选出 ${years.length} 篇报告`);
    // A shared link opens filtered.
    await page.reload();
    expect(await page.locator("li[data-region]:visible").count()).toBe(years.length);
    await page.getByRole("button", { name: "清除" }).click();
    await page.waitForURL((u) => u.search === "");
    expect(await page.locator("li[data-region]:visible").count()).toBe(all);
  });

  it("finds 专精特新 on /search/ and lands on the section that says it", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("专精特新")}`);
    // A hit in a titled section links to that section's anchor (lead text links to the page top).
    const hit = page.locator(".sr-hit > a").first();
    await hit.waitFor({ timeout: 15_000 });
    const href = (await hit.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/reports\/[a-z0-9-]+\/.*#[a-z0-9-]+$/);
    await hit.click();
    await page.waitForURL(/#/);
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const target = page.locator(`[id="${id}"]`);
    expect(await target.isVisible()).toBe(true);
    const box = await target.boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    // The section the link names contains the query.
    const sectionText = await target.evaluate((el) => (el.closest("section") ?? el).textContent ?? "");
    expect(sectionText).toContain("专精特新");
  });
});
