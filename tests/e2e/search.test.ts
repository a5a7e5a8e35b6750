// The search experience end to end on the built site: the dialog and its shortcuts, the /search/
// page with its state in the URL, filters, landing on a result with the phrase marked, and what the
// first query costs in bytes.
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";

const siteUrl = inject("siteUrl");
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
});
afterEach(() => context?.close());

const firstReport = async () => {
  await page.goto(`${siteUrl}/`);
  const href = await page.locator(".report-card h2 a").first().getAttribute("href");
  return `${siteUrl}${href}`;
};
/** Result links a reader sees first (not the related ones, not those folded per report). */
const hitsShown = (p: Page) =>
  p.locator("[data-search-results] > .sr-groups > .sr-group > .sr-hits > .sr-hit > a");
const resultsReady = (p: Page) =>
  p.waitForSelector("[data-search-results][data-ready]", { state: "attached" });

describe("search dialog", () => {
  it("opens with Ctrl+K and with /, searches as you type, closes with Escape", async () => {
    await page.goto(await firstReport());
    expect(await page.locator("dialog.search-dialog").count()).toBe(0);
    await page.keyboard.press("Control+k");
    const dialog = page.locator("dialog.search-dialog");
    await dialog.waitFor();
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    const input = dialog.locator("input[type=search]");
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.pressSequentially("营商环境");
    await dialog.locator(".sr-hit > a").first().waitFor();
    const text = await dialog.locator(".sr-hit").first().textContent();
    expect(text).toContain("营商环境");
    expect(await dialog.locator("mark").first().textContent()).toBe("营商环境");
    await page.keyboard.press("Escape");
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);

    await page.keyboard.press("/");
    // The dialog's module is imported on first use, so it opens a moment after the key.
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>("dialog.search-dialog")?.open);
    expect(await dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
  });

  it("loads no search code until search is opened", async () => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    await page.goto(await firstReport());
    await page.waitForLoadState("networkidle");
    expect(scripts.filter((u) => /search-(ui|dialog|worker)|pagefind/.test(u))).toEqual([]);
    const before = scripts.length;
    await page.locator("[data-search-open]").click();
    await page.locator("dialog.search-dialog").waitFor();
    expect(scripts.length).toBeGreaterThan(before);
  });
});

describe("typing Chinese with an input method", () => {
  it("searches for the composed characters, not the pinyin letters on the way", async () => {
    await page.goto(`${siteUrl}/search/`);
    const searched: string[] = [];
    // The page opens the index once loaded (pagefind.js, wasm, meta, filter chunks); a search
    // loads the index chunks of its words.
    page.on("request", (r) => {
      if (/\/pagefind\/.*\/(index|fragment)\//.test(r.url())) searched.push(r.url());
    });
    const input = page.locator("[data-search-input]");
    await input.focus();
    const cdp = await context.newCDPSession(page);
    // Composition as an IME does it: marked pinyin text, then the committed characters.
    await cdp.send("Input.imeSetComposition", { text: "yingshang", selectionStart: 9, selectionEnd: 9 });
    await page.waitForTimeout(200);
    expect(new URL(page.url()).searchParams.get("q")).toBeNull();
    expect(searched).toEqual([]);
    await cdp.send("Input.insertText", { text: "营商" });
    await resultsReady(page);
    expect(new URL(page.url()).searchParams.get("q")).toBe("营商");
    expect(await page.locator("[data-search-status]").textContent()).toContain("营商");
  });
});

describe("/search/ page", () => {
  it("keeps query and filters in the URL; filters narrow; reload and back restore", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("营商环境")}`);
    await resultsReady(page);
    const all = await hitsShown(page).count();
    const reports = await page.locator(".sr-group").count();
    expect(reports).toBeGreaterThan(1);
    // Years read as a timeline (newest first), whatever their counts.
    const yearChips = await page.locator('.sr-chip[data-facet="year"]').allTextContents();
    const years = yearChips.map((t) => Number(/^\d{4}/.exec(t)?.[0]));
    expect(years.length).toBeGreaterThan(1);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    const chip = page.locator('.sr-chip[data-facet="region"]', { hasText: "上街区" });
    const count = Number(await chip.locator(".sr-count").textContent());
    await chip.click();
    await page.waitForURL(/region=/);
    expect(new URL(page.url()).searchParams.get("region")).toBe("上街区");
    await page.waitForFunction(() => document.querySelector('.sr-chip[aria-pressed="true"]'));
    const regions = await page.locator(".sr-info").allTextContents();
    expect(regions.length).toBeGreaterThan(0);
    expect(regions.every((r) => r.startsWith("上街区"))).toBe(true);
    const narrowed = await page.locator(".sr-hit").count();
    expect(narrowed).toBe(count);
    expect(narrowed).toBeLessThan(all + (await page.locator(".sr-more .sr-hit").count()) + 100);

    await page.reload();
    await resultsReady(page);
    expect(await page.inputValue("[data-search-input]")).toBe("营商环境");
    expect(await page.locator('.sr-chip[aria-pressed="true"]').textContent()).toContain("上街区");
    expect((await page.locator(".sr-info").allTextContents()).every((r) => r.startsWith("上街区"))).toBe(
      true,
    );

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has("region"));
    await page.waitForFunction(() => !document.querySelector('.sr-chip[aria-pressed="true"]'));
    expect(await page.locator(".sr-group").count()).toBe(reports);
  });

  it("sorts by date on request, and keeps that in the URL", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("高新技术企业")}&sort=date`);
    await resultsReady(page);
    expect(await page.locator("select[name=sort]").inputValue()).toBe("date");
    const years = (await page.locator("[data-search-results] > .sr-groups .sr-info").allTextContents()).map(
      (t) => Number(/(\d{4}) 年/.exec(t)?.[1] ?? 0),
    );
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it("shows more results on request when there are more than the first round", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("发展")}`);
    await resultsReady(page);
    const count = () => page.locator("[data-search-results] .sr-hit").count();
    const before = await count();
    await page.locator(".sr-next").click();
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-search-results] .sr-hit").length > n,
      before,
    );
    expect(await count()).toBeGreaterThan(before);
  });

  it("answers a query with no match plainly, and shows fragments only as related", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("量子计算")}`);
    await resultsReady(page);
    expect(await page.locator("[data-search-status]").textContent()).toContain("没有找到");
    expect(await hitsShown(page).count()).toBe(0);
  });
});

describe("landing on a result", () => {
  it("marks the whole phrase in the target section, scrolls to it, and clears on request", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("国际陆港")}`);
    await resultsReady(page);
    await hitsShown(page).first().click();
    await page.waitForURL(/hl=/);
    const marks = page.locator("mark.search-hl");
    await marks.first().waitFor();
    const texts = await marks.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t === "国际陆港")).toBe(true);
    // The marks are inside the section the link names, and the first is on screen.
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    const inTarget = await page.evaluate(
      (sectionId) =>
        [...document.querySelectorAll("mark.search-hl")].every(
          (m) => m.closest("section") === document.getElementById(sectionId)?.closest("section"),
        ),
      id,
    );
    expect(inTarget).toBe(true);
    const box = await marks.first().boundingBox();
    expect(box && box.y >= 0 && box.y < 900).toBe(true);
    await page.locator(".search-hl-bar button").click();
    expect(await marks.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has("hl")).toBe(false);
  });

  it("marks a figure that sits inside a figure link as one phrase", async () => {
    await page.goto(`${siteUrl}/search/?q=${encodeURIComponent("785.6亿元")}`);
    await resultsReady(page);
    await hitsShown(page).first().click();
    await page.locator("mark.search-hl").first().waitFor();
    expect(await page.locator("mark.search-hl").allTextContents()).toEqual(["785.6亿元"]);
  });
});

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** axe-core violations on the page as it stands (rule id and how many nodes). */
async function axeViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ path: axePath });
  return p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

describe("accessibility", () => {
  it("the search page with results and filters, and the open dialog, have no axe violations", async () => {
    await page.goto(
      `${siteUrl}/search/?q=${encodeURIComponent("营商环境")}&region=${encodeURIComponent("上街区")}`,
    );
    await resultsReady(page);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(await firstReport());
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog input").pressSequentially("国际陆港");
    await page.locator("dialog.search-dialog .sr-hit").first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

/** Bytes a compressing web server (gzip) would send. */
async function transferSize(r: Response): Promise<number> {
  const body = await r.body().catch(() => Buffer.alloc(0));
  return Math.min(body.length, gzipSync(body).length);
}

describe("bytes", () => {
  it("the first query transfers at most 100 KB of search index and script", async () => {
    await page.goto(await firstReport());
    await page.waitForLoadState("networkidle");
    const pending: Array<Promise<[string, number]>> = [];
    page.on("response", (r) => pending.push(transferSize(r).then((n) => [r.url(), n])));
    page.on("worker", (w) => w.on("console", () => {}));
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog input").pressSequentially("地区生产总值");
    await page.locator("dialog.search-dialog .sr-hit").first().waitFor();
    await page.waitForLoadState("networkidle");
    const sizes = await Promise.all(pending);
    const total = sizes.reduce((s, [, n]) => s + n, 0);
    const byKind = new Map<string, number>();
    for (const [url, n] of sizes) {
      const kind = /\.pf_fragment$/.test(url)
        ? "section texts"
        : /\.pf_(index|filter)$/.test(url)
          ? "index chunks"
          : /\.pf_meta$|\.json(\?|$)/.test(url)
            ? "index meta"
            : /\/wasm\./.test(url)
              ? "pagefind wasm"
              : /\/pagefind\.js$/.test(url)
                ? "pagefind.js"
                : "search UI code";
      byKind.set(kind, (byKind.get(kind) ?? 0) + n);
    }
    console.log(
      `first query "地区生产总值": ${(total / 1024).toFixed(1)} KB transferred (gzip) in ${sizes.length} requests\n` +
        [...byKind].map(([k, n]) => `  ${k.padEnd(17)} ${(n / 1024).toFixed(1)} KB`).join("\n"),
    );
    expect(total).toBeLessThanOrEqual(100 * 1024);
  });
});
