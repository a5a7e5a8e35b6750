// The reading experience in a real browser: TOC follows the reader, figure popovers open by
// mouse, keyboard, tap and programmatically, the theme choice persists, glossary tooltips show.
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let reportUrl: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/`);
  // The report with the most headings exercises the TOC best.
  const hrefs = await page
    .locator(".report-card h2 a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  let best = { href: "", headings: -1 };
  for (const href of hrefs) {
    await page.goto(`${siteUrl}${href}`);
    const headings = await page.locator(".toc a").count();
    if (headings > best.headings) best = { href, headings };
  }
  reportUrl = `${siteUrl}${best.href}`;
  await page.close();
});
afterAll(() => browser?.close());

async function open(
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(reportUrl);
  return { context, page };
}

/** A 390 px touch phone. */
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

const popover = (page: Page) => page.locator("#stat-pop");

async function expectPopoverFor(page: Page, statIndex: number) {
  const stat = page.locator("a.stat").nth(statIndex);
  const pop = popover(page);
  await pop.waitFor({ state: "visible", timeout: 5000 });
  const [label, value, id] = await Promise.all([
    stat.getAttribute("data-label"),
    stat.getAttribute("data-value"),
    stat.getAttribute("id"),
  ]);
  expect(await pop.locator(".stat-pop-label").textContent()).toBe(label ?? "");
  expect(await pop.locator(".stat-pop-value").textContent()).toBe(value);
  expect(await pop.locator(".stat-pop-kind").textContent()).toMatch(
    /^(实绩|目标|增速|比率|占比|排名|区间|倍数|数据)$/,
  );
  expect(await pop.locator("a").getAttribute("href")).toBe(`#${id}`);
  expect(await stat.getAttribute("aria-expanded")).toBe("true");
  // It stands right under (or above) its figure, not somewhere else on the page.
  const [s, p] = await Promise.all([stat.boundingBox(), pop.boundingBox()]);
  expect(s && p && Math.min(Math.abs(p.y - (s.y + s.height)), Math.abs(s.y - (p.y + p.height)))).toBeLessThan(
    16,
  );
}

describe("table of contents", () => {
  it("highlights the section in view as the reader scrolls", async () => {
    const { context, page } = await open();
    const links = page.locator(".toc a");
    const n = await links.count();
    expect(n).toBeGreaterThan(2);
    expect(await page.locator('.toc a[aria-current="location"]').count()).toBe(1);
    for (const i of [Math.floor(n / 2), n - 1, 1]) {
      const id = decodeURIComponent(((await links.nth(i).getAttribute("href")) ?? "").slice(1));
      await page.locator(`[id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: "start" }));
      await page.waitForFunction(
        (want) =>
          document.querySelector('.toc a[aria-current="location"]')?.getAttribute("href") === `#${want}`,
        id,
        { timeout: 5000 },
      );
      expect(await page.locator('.toc a[aria-current="location"]').count()).toBe(1);
    }
    await context.close();
  });

  it("is a drawer behind a button on phones that names the current section", async () => {
    const { context, page } = await open(PHONE);
    const button = page.locator("[data-toc-button]");
    const toc = page.locator("#toc");
    expect(await toc.isVisible()).toBe(false);
    expect(await button.locator("[data-toc-current]").textContent()).toBeTruthy();
    await button.tap();
    await page.waitForFunction(
      () => document.querySelector("#toc")?.getBoundingClientRect().top ?? 1e9 < innerHeight,
    );
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await page.locator("[data-toc-close]").tap();
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-toc-button"))).toBe(true);
    await button.tap();
    const last = page.locator(".toc a").last();
    const href = (await last.getAttribute("href")) ?? "";
    await last.tap();
    await page.waitForURL((url) => url.hash === href);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await context.close();
  });
});

describe("figure popovers", () => {
  it("open on mouse hover and close when the mouse leaves", async () => {
    const { context, page } = await open();
    const stat = page.locator("a.stat").nth(3);
    await stat.scrollIntoViewIfNeeded();
    await stat.hover();
    await expectPopoverFor(page, 3);
    await page.mouse.move(2, 2);
    await popover(page).waitFor({ state: "hidden", timeout: 5000 });
    await context.close();
  });

  it("open on keyboard focus, let Tab reach the link, and close on Escape", async () => {
    const { context, page } = await open();
    const stat = page.locator("a.stat").nth(1);
    await stat.focus();
    await expectPopoverFor(page, 1);
    // The popover follows its figure in the DOM, so Tab reaches its link and Shift+Tab comes back.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("stat-pop-link");
    await page.keyboard.press("Shift+Tab");
    await expectPopoverFor(page, 1);
    await page.keyboard.press("Escape");
    await popover(page).waitFor({ state: "hidden" });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await stat.getAttribute("id"));
    await context.close();
  });

  it("open on tap without jumping, and close on a tap elsewhere", async () => {
    const { context, page } = await open(PHONE);
    const stat = page.locator("a.stat").nth(2);
    await stat.scrollIntoViewIfNeeded();
    const before = page.url();
    await stat.tap();
    await expectPopoverFor(page, 2);
    expect(page.url()).toBe(before);
    await page.locator("h1").tap();
    await popover(page).waitFor({ state: "hidden" });
    await context.close();
  });

  it("open from a stat:open event and from a #figure link", async () => {
    const { context, page } = await open();
    const id = (await page.locator("a.stat").nth(4).getAttribute("id")) ?? "";
    await page.evaluate(
      (want) => document.dispatchEvent(new CustomEvent("stat:open", { detail: { id: want } })),
      id,
    );
    await expectPopoverFor(page, 4);
    await page.goto(`${reportUrl}#${(await page.locator("a.stat").nth(5).getAttribute("id")) ?? ""}`);
    await expectPopoverFor(page, 5);
    await context.close();
  });

  it("still read as figure and label without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(reportUrl);
    const stat = page.locator("a.stat[data-label]").first();
    const label = (await stat.getAttribute("data-label")) ?? "";
    expect(label).not.toBe("");
    expect(await stat.getAttribute("title")).toContain(label);
    expect(await stat.locator(".sr-only").textContent()).toContain(label);
    // The TOC stays in the page flow on phones when there is no script to open a drawer.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.locator("#toc").isVisible()).toBe(true);
    await context.close();
  });
});

describe("theme", () => {
  it("follows the system, and a toggled choice persists across reloads", async () => {
    const { context, page } = await open({ colorScheme: "dark" });
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const dark = await bg();
    const toggle = page.locator("[data-theme-toggle]");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await toggle.click();
    const light = await bg();
    expect(light).not.toBe(dark);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
    expect(await bg()).toBe(light);
    expect(await page.locator("[data-theme-toggle]").getAttribute("aria-pressed")).toBe("false");
    await context.close();
  });
});

describe("glossary tooltips", () => {
  it("show a term's explanation on hover and focus, and describe it to screen readers", async () => {
    const { context, page } = await open();
    const term = page.locator("dfn.term").first();
    await term.scrollIntoViewIfNeeded();
    const tipShown = () => term.evaluate((el) => getComputedStyle(el, "::after").display !== "none");
    const explain = (await term.getAttribute("data-explain")) ?? "";
    expect(explain.length).toBeGreaterThan(8);
    expect(await tipShown()).toBe(false);
    await term.hover();
    expect(await tipShown()).toBe(true);
    expect(await term.evaluate((el) => getComputedStyle(el, "::after").content)).toContain(
      explain.slice(0, 8),
    );
    await page.mouse.move(2, 2);
    expect(await tipShown()).toBe(false);
    await term.focus();
    expect(await tipShown()).toBe(true);
    // A shown tooltip never makes the page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    const describedBy = (await term.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(explain);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.matches("dfn.term"))).toBe(false);
    await context.close();
  });

  it("show on tap on a phone as a sheet inside the screen, and never widen a tablet page", async () => {
    const { context, page } = await open(PHONE);
    const term = page.locator("dfn.term").nth(1);
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    const box = await term.evaluate((el) => {
      const style = getComputedStyle(el, "::after");
      return { display: style.display, position: style.position, left: style.left, right: style.right };
    });
    expect(box).toEqual({ display: "block", position: "fixed", left: "12px", right: "12px" });
    // Away from the word it explains, the sheet names its term first.
    const name = (await term.getAttribute("data-term")) ?? "";
    expect(name).not.toBe("");
    expect(await term.evaluate((el) => getComputedStyle(el, "::after").content)).toMatch(
      new RegExp(`^"【${name}】`, "u"),
    );
    await page.setViewportSize({ width: 800, height: 900 });
    const terms = page.locator("dfn.term");
    const widths: number[] = [];
    for (let i = 0; i < (await terms.count()); i++) {
      await terms.nth(i).focus();
      widths.push(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth));
    }
    expect(Math.max(...widths)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it("/glossary/ lists every term and links only to sections that exist", async () => {
    const { context, page } = await open();
    await page.goto(`${siteUrl}/glossary/`);
    expect(await page.locator(".glossary-entry").count()).toBeGreaterThanOrEqual(80);
    const links = await page
      .locator(".glossary-uses li a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(links.length).toBeGreaterThan(0);
    const byPage = new Map<string, string[]>();
    for (const href of links) {
      const [path = "", id = ""] = href.split("#");
      byPage.set(path, [...(byPage.get(path) ?? []), decodeURIComponent(id)]);
    }
    for (const [path, ids] of byPage) {
      await page.goto(`${siteUrl}${path}`);
      const present = new Set(await page.locator("[id]").evaluateAll((els) => els.map((el) => el.id)));
      expect(
        ids.filter((id) => !present.has(id)),
        path,
      ).toEqual([]);
    }
    await context.close();
  });
});

describe("script budget", () => {
  it("a report page loads at most 15 KB gzip of JavaScript before search is opened", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on("response", async (response) => {
      if (response.request().resourceType() !== "script") return;
      sizes.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
    });
    await page.goto(reportUrl, { waitUntil: "networkidle" });
    // Inline scripts would escape this count (and a strict CSP): there are none (JSON-LD is data).
    expect(await page.locator("script:not([src]):not([type='application/ld+json'])").count()).toBe(0);
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    console.log(`report page JS: ${sizes.size} files, ${total} B gzip`);
    expect(sizes.size).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(15 * 1024);
    await context.close();
  });
});
