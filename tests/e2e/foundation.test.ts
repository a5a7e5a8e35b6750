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
