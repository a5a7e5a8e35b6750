// What a reader's browser pays, measured in Debian Chromium: a page's weight before any
// interaction, and search (first-query transfer, keystroke→results time).
import { gzipSync } from "node:zlib";
import type { Browser, Page, Response } from "playwright-core";
import { launchBrowser } from "../../tests/support/browser.ts";
import { median } from "./median.ts";

/**
 * The search UI as the benchmark drives it: kept in one place so a new search UI only needs these
 * lines changed. `trigger` is how a query is run: "enter" (submit) or "input" (search as you type).
 */
export const SEARCH_UI = {
  path: "/search/",
  input: "input[type=search]",
  /** Where results and the "no results" status appear: every change in it counts as rendering. */
  region: "main",
  trigger: "enter" as "enter" | "input",
  /** Results count as rendered once the region has been quiet this long (not part of the figure)… */
  settleMs: 1000,
  /**
   * …and no longer shows this (the status while a search runs): a search slower than `settleMs`
   * would otherwise be timed at the status's change, a few ms after the keystroke.
   */
  busyText: "正在搜索",
};

/** Twenty queries a reader of these reports would type: words, jargon, figures' names. */
export const QUERIES = [
  "营商环境",
  "专精特新",
  "地区生产总值",
  "乡村振兴",
  "高质量发展",
  "固定资产投资",
  "一般公共预算收入",
  "新型城镇化",
  "科技创新",
  "生态环境",
  "招商引资",
  "城乡居民收入",
  "义务教育",
  "养老服务",
  "粮食产量",
  "稳就业",
  "文化旅游",
  "污染防治",
  "棚户区改造",
  "数字经济",
];

export interface PageWeight {
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  fontRequests: number;
}

export interface SearchFigures {
  /** What each of QUERIES transferred as a reader's first query (gzip as a host sends it), median and max. */
  firstQueryMedianGzip: number;
  firstQueryMaxGzip: number;
  /** The median query's bytes per kind of file (pagefind runtime, index meta, chunks, texts). */
  firstQueryMedianKinds: Record<string, number>;
  /** Bytes of the responses, uncompressed. */
  firstQueryBytes: number;
  /** The same responses as a host compressing text would send them. */
  firstQueryGzipBytes: number;
  firstQueryRequests: number;
  medianMs: number;
  timesMs: number[];
}

const gz = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

async function bodyOf(response: Response): Promise<Buffer> {
  try {
    return await response.body();
  } catch {
    return Buffer.alloc(0);
  }
}

/** Everything a page loads without interaction (idle-time loads included), gzip-sized. */
async function weigh(page: Page, url: string): Promise<PageWeight> {
  const weight: PageWeight = { htmlGzip: 0, cssGzip: 0, jsGzip: 0, fontRequests: 0 };
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    pending.push(
      bodyOf(response).then((body) => {
        if (type === "document") weight.htmlGzip += gz(body);
        else if (type === "stylesheet") weight.cssGzip += gz(body);
        else if (type === "script") weight.jsGzip += gz(body);
        else if (type === "font") weight.fontRequests++;
      }),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(1500);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  // Inline scripts and styles are paid for in the HTML, but they are JS and CSS all the same.
  const inline = await page.evaluate(() => ({
    js: [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent ?? "").join("\n"),
    css: [...document.querySelectorAll("style")].map((s) => s.textContent ?? "").join("\n"),
  }));
  if (inline.js.trim()) weight.jsGzip += gz(inline.js);
  if (inline.css.trim()) weight.cssGzip += gz(inline.css);
  return weight;
}

export async function pageWeight(siteUrl: string, path: string): Promise<PageWeight> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    return await weigh(page, siteUrl + path);
  } finally {
    await browser.close();
  }
}

/** Installs, in the page, a clock from the triggering keystroke to the last change of the results. */
async function armClock(page: Page): Promise<void> {
  await page.evaluate(
    ({ input, region, trigger }) => {
      const w = window as unknown as { __bench: { start: number; last: number; changes: number } };
      w.__bench = { start: 0, last: 0, changes: 0 };
      const field = document.querySelector(input);
      field?.addEventListener(
        trigger === "enter" ? "keydown" : "input",
        (e) => {
          if (trigger === "enter" && (e as KeyboardEvent).key !== "Enter") return;
          w.__bench.start = performance.now();
          w.__bench.changes = 0;
        },
        { capture: true },
      );
      const list = document.querySelector(region);
      if (!list) throw new Error(`no element matches ${region}`);
      new MutationObserver(() => {
        w.__bench.last = performance.now();
        w.__bench.changes++;
      }).observe(list, { childList: true, subtree: true, characterData: true });
    },
    { input: SEARCH_UI.input, region: SEARCH_UI.region, trigger: SEARCH_UI.trigger },
  );
}

/** Requests the page has in flight (pagefind's worker included), so "settled" means settled. */
function inflight(page: Page): () => number {
  let open = 0;
  page.on("request", () => open++);
  page.on("requestfinished", () => open--);
  page.on("requestfailed", () => open--);
  return () => open;
}

/** Runs one query and returns ms from the keystroke to the last results change (once it settles). */
async function timedQuery(page: Page, query: string, pending: () => number): Promise<number> {
  const field = page.locator(SEARCH_UI.input).first();
  if (SEARCH_UI.trigger === "enter") {
    await field.fill(query);
    await field.press("Enter");
  } else {
    await field.fill(query.slice(0, -1));
    await field.pressSequentially(query.slice(-1));
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const clock = await page.evaluate(
      ({ region, busyText }) => {
        const b = (window as unknown as { __bench: { start: number; last: number; changes: number } })
          .__bench;
        const busy = document.querySelector(region)?.textContent?.includes(busyText) ?? false;
        return { ...b, busy, now: performance.now() };
      },
      { region: SEARCH_UI.region, busyText: SEARCH_UI.busyText },
    );
    const quiet =
      !clock.busy &&
      clock.changes > 0 &&
      clock.last > clock.start &&
      clock.now - clock.last > SEARCH_UI.settleMs;
    if (quiet && pending() === 0) return clock.last - clock.start;
    if (Date.now() > deadline) throw new Error(`search for "${query}" never settled`);
    await page.waitForTimeout(50);
  }
}

/** What a query's first search transferred, gzip-sized, in all and per kind of file. */
export interface QueryBytes {
  total: number;
  kinds: Record<string, number>;
}

/** Kinds of file a search loads: pagefind's runtime, its index per part, and the site's own code. */
function kindOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith("/pagefind.js")) return "pagefind.js";
  if (path.includes("/wasm.")) return "pagefind wasm";
  if (path.endsWith(".pf_meta")) return "index meta (every shard)";
  if (path.includes("/index/")) return "index chunks";
  if (path.includes("/filter/")) return "filter chunks";
  if (path.includes("/fragment/")) return "section texts";
  if (path.endsWith("shards.json")) return "shard list";
  return "search UI code";
}

/** The query of median total bytes. */
export const medianQuery = (bytes: QueryBytes[]): QueryBytes =>
  [...bytes].sort((a, b) => a.total - b.total)[Math.floor((bytes.length - 1) / 2)] ?? { total: 0, kinds: {} };

/**
 * Opens the search dialog with "/". On a loaded machine a big home page can be idle on the network
 * before its scripts listen for the key (the 1,000- and 5,000-report runs of 2026-12-04 waited
 * 30 s for a dialog that never opened), so the key is pressed again until the dialog shows.
 */
async function openDialog(page: Page): Promise<void> {
  const input = page.locator("dialog.search-dialog input");
  for (let tries = 0; tries < 30; tries++) {
    await page.keyboard.press("/");
    if (await input.isVisible()) return;
    await page.waitForTimeout(1000);
    if (await input.isVisible()) return;
  }
  throw new Error("the search dialog did not open on /");
}

/**
 * What each query transfers as a reader's first search: from the home page, loaded and idle, the
 * search dialog opened with "/" and the query typed, until results show and the network is idle
 * (the dialog's code, the worker, pagefind.js and its wasm, the index meta, chunks and fragments).
 * Gzip-sized as a compressing host sends text (pagefind's files are gzip already).
 */
export async function firstQueryBytes(
  browser: Browser,
  siteUrl: string,
  queries: string[],
): Promise<QueryBytes[]> {
  const out: QueryBytes[] = [];
  for (const query of queries) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${siteUrl}/`, { waitUntil: "networkidle" });
      const bodies: Promise<[string, number]>[] = [];
      page.on("response", (response) =>
        bodies.push(bodyOf(response).then((b) => [kindOf(response.url()), Math.min(b.length, gz(b))])),
      );
      await openDialog(page);
      await page.locator("dialog.search-dialog input").fill(query);
      await page.waitForSelector("dialog.search-dialog [data-search-results][data-ready]", {
        state: "attached",
      });
      await page.waitForLoadState("networkidle");
      const kinds: Record<string, number> = {};
      for (const [kind, bytes] of await Promise.all(bodies)) kinds[kind] = (kinds[kind] ?? 0) + bytes;
      out.push({ total: Object.values(kinds).reduce((a, b) => a + b, 0), kinds });
    } finally {
      await context.close();
    }
  }
  return out;
}

/**
 * Keystroke → rendered results on the search page for each of `queries`, in order, on one page (so
 * the first query also pays for pagefind's start; later ones find some chunks loaded already).
 */
export async function keystrokeTimes(
  browser: Browser,
  siteUrl: string,
  queries: string[],
): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.goto(siteUrl + SEARCH_UI.path, { waitUntil: "networkidle" });
    await armClock(page);
    const pending = inflight(page);
    const times: number[] = [];
    for (const q of queries) times.push(await timedQuery(page, q, pending));
    return times;
  } finally {
    await page.close();
  }
}

export async function measureSearch(siteUrl: string): Promise<SearchFigures> {
  const browser = await launchBrowser();
  try {
    const firsts = await firstQueryBytes(browser, siteUrl, QUERIES);
    const page = await browser.newPage();
    await page.goto(siteUrl + SEARCH_UI.path, { waitUntil: "networkidle" });
    await armClock(page);
    const pending = inflight(page);
    let counting = false;
    const bodies: Promise<Buffer>[] = [];
    page.on("response", (response) => {
      if (counting) bodies.push(bodyOf(response));
    });
    counting = true;
    const [first, ...rest] = QUERIES;
    const timesMs = [await timedQuery(page, first as string, pending)];
    counting = false;
    const firstBodies = await Promise.all(bodies);
    const firstBytes = firstBodies.reduce((sum, b) => sum + b.length, 0);
    const firstQueryGzipBytes = firstBodies.reduce((sum, b) => sum + Math.min(b.length, gz(b)), 0);
    for (const q of rest) timesMs.push(await timedQuery(page, q, pending));
    const medianMs = median(timesMs);
    return {
      firstQueryMedianGzip: median(firsts.map((f) => f.total)),
      firstQueryMaxGzip: Math.max(...firsts.map((f) => f.total)),
      firstQueryMedianKinds: medianQuery(firsts).kinds,
      firstQueryBytes: firstBytes,
      firstQueryGzipBytes,
      firstQueryRequests: firstBodies.length,
      medianMs,
      timesMs,
    };
  } finally {
    await browser.close();
  }
}
