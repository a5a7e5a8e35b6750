// Compare and track (issue 18), read back from the built site in Chromium: /compare/ on two
// bundled reports (two regions in one year, one region in consecutive years), its links from the
// region and report pages, its shareable URL, what it says without JavaScript, hostile report text
// kept as text under the CSP; promise tracking on the region pages and in /data/targets.*; axe-core
// in light and dark. Then the same on a corpus sample (national and 海拉尔区 reports of consecutive
// years, built in a throwaway project; skipped without ../shared/corpus).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { CORPUS, hasCorpus } from "../../src/ingest/testing.ts";
import { ogFontFile } from "../../src/site/og.ts";
import { launchBrowser } from "../support/browser.ts";
import { parseCsv } from "../support/csv.ts";
import { hostHeaders } from "../support/host-headers.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";
import { astroBin, REPO, tempProject, userEnv } from "../support/temp-project.ts";

const siteUrl = inject("siteUrl");
const siteDir = inject("siteDir");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const ZHONGYUAN = "zhongyuanqu-2022-jingji-gongzuo-huiyi";
const SHANGJIE_22 = "shangjiequ-xiaoerjing-xiaoermei";
const SHANGJIE_23 = "shangjiequ-2023-mubiao-renwu";
const pairPath = (a: string, b: string) => `/compare/?a=${a}&b=${b}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function open(url: string, options: Parameters<Browser["newPage"]>[0] = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(url);
  return page;
}
const ready = (page: Page) =>
  page.locator("[data-compare-result][data-ready]").waitFor({ state: "attached" });

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(d: Document): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document)).violations;
  })) as Array<{ id: string; nodes: Array<{ target: string[] }> }>;
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}

/** The figures table's rows as [indicator, A, B, change]. */
const figureRows = (page: Page) =>
  page.$$eval("#cmp-figures ~ .compare-scroll tbody tr", (rows) =>
    rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? "")),
  );

describe("/compare/ on the bundled reports", () => {
  it("puts two regions' reports of one year side by side: figures with the change, targets, sections", async () => {
    const page = await open(`${siteUrl}${pairPath(ZHONGYUAN, SHANGJIE_22)}`);
    await ready(page);
    expect(await page.locator(".compare-heads li").allTextContents()).toEqual([
      expect.stringContaining("中原区"),
      expect.stringContaining("上街区"),
    ]);
    const rows = await figureRows(page);
    expect(rows[0]).toEqual(["地区生产总值", "746.2 亿元", "165.5 亿元", "−580.7 亿元（−77.82%）"]);
    expect(rows).toContainEqual(["一般公共预算收入", "50.8 亿元", "15 亿元", "−35.8 亿元（−70.47%）"]);
    // Each value links to its figure in its report.
    const href = await page
      .locator("#cmp-figures ~ .compare-scroll tbody tr")
      .first()
      .locator("a")
      .first()
      .getAttribute("href");
    expect(href).toMatch(new RegExp(`^/reports/${ZHONGYUAN}/#s-`));
    expect(await page.locator("#cmp-targets-new").textContent()).toMatch(/B 新提出的目标（\d+）/);
    expect(await page.locator(".compare-sections > li").count()).toBeGreaterThan(5);
    expect(await page.title()).toContain("中原区 2022年 与 上街区 2022年");
    await page.close();
  });

  it("diffs an aligned pair by sentence, each side's wording marked", async () => {
    const page = await open(`${siteUrl}${pairPath(SHANGJIE_22, "shangjiequ-2022-huigu")}`);
    await ready(page);
    const paired = page.locator(".compare-sections details").first();
    await paired.locator("summary").click();
    expect(await paired.locator("summary").textContent()).toMatch(
      /相同 \d+ 句 · 改写 \d+ · 仅 A \d+ · 仅 B \d+/,
    );
    const marks = await paired.locator(".compare-diff del, .compare-diff ins").count();
    expect(marks).toBeGreaterThan(0);
    await page.close();
  });

  it("is linked from the region page (consecutive years) and the report page (与上一年对比)", async () => {
    const page = await open(`${siteUrl}/regions/`);
    await page.getByRole("link", { name: "上街区" }).first().click();
    const pairs = page.locator("#compare-h ~ .pair-list a");
    expect(await pairs.count()).toBeGreaterThan(0);
    expect(await pairs.first().textContent()).toContain("2022 → 2023");
    await pairs.first().click();
    await ready(page);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/compare/");
    expect(url.searchParams.get("a")).toBe(SHANGJIE_22);
    expect(await page.locator("select[name=a]").inputValue()).toBe(SHANGJIE_22);

    // The report page names itself only; the compare page takes the region's previous year as A.
    await page.goto(`${siteUrl}/reports/${SHANGJIE_23}/`);
    await page.getByRole("link", { name: "与上一年对比" }).click();
    await ready(page);
    expect(new URL(page.url()).search).toBe(`?b=${SHANGJIE_23}`);
    expect(await page.locator("select[name=a]").inputValue()).toBe(SHANGJIE_22);
    expect(await page.locator("select[name=b]").inputValue()).toBe(SHANGJIE_23);
    // The region's first report has nothing earlier to compare with: the page says so.
    await page.goto(`${siteUrl}/reports/${SHANGJIE_22}/`);
    await page.getByRole("link", { name: "与上一年对比" }).click();
    await page.getByText("该地区没有更早年份的报告").waitFor();
    expect(await page.locator("[data-compare-result]").textContent()).toBe("");
    await page.close();
  });

  it("keeps the choice in a shareable URL, swaps A and B, and comes back with the browser's back button", async () => {
    const page = await open(`${siteUrl}/compare/`);
    expect(await page.locator("[data-compare-status]").textContent()).toContain("选好两篇报告");
    await page.locator("select[name=a]").selectOption(ZHONGYUAN);
    await page.locator("select[name=b]").selectOption(SHANGJIE_23);
    await page.getByRole("button", { name: "对比", exact: true }).click();
    await ready(page);
    expect(new URL(page.url()).search).toBe(`?a=${ZHONGYUAN}&b=${SHANGJIE_23}`);
    await page.getByRole("button", { name: "交换 A 与 B" }).click();
    await page.waitForFunction((a) => new URLSearchParams(location.search).get("a") === a, SHANGJIE_23);
    await ready(page);
    expect(await page.locator(".compare-heads li").first().textContent()).toContain("上街区");
    await page.goBack();
    await page.waitForFunction((a) => new URLSearchParams(location.search).get("a") === a, ZHONGYUAN);
    await ready(page);
    expect(await page.locator(".compare-heads li").first().textContent()).toContain("中原区");
    // The URL alone opens the same comparison.
    const shared = await open(page.url());
    await ready(shared);
    expect(await figureRows(shared)).toEqual(await figureRows(page));
    await shared.close();
    await page.close();
  });

  it("says which report it cannot find", async () => {
    const page = await open(`${siteUrl}${pairPath(ZHONGYUAN, "no-such-report")}`);
    await page.waitForFunction(() =>
      document.querySelector("[data-compare-status]")?.textContent?.includes("找不到"),
    );
    expect(await page.locator("[data-compare-status]").textContent()).toBe("找不到报告“no-such-report”。");
    await page.close();
  });

  it("says what it needs without JavaScript", async () => {
    const page = await open(`${siteUrl}${pairPath(ZHONGYUAN, SHANGJIE_22)}`, { javaScriptEnabled: false });
    expect(await page.locator(".compare-note").textContent()).toContain("需要浏览器启用 JavaScript");
    expect(await page.locator(".compare-note").isVisible()).toBe(true);
    await page.close();
  });

  it("shows hostile report text as text, under the site's CSP", async () => {
    const headersFor = hostHeaders(join(REPO, "public/_headers"));
    const server = await serveStatic(siteDir, headersFor);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.exposeFunction("__pwned", () => problems.push("script ran"));
    const evil = '<img src=x onerror="__pwned()"><script>__pwned()</script>';
    await page.route(`**/data/reports/${SHANGJIE_22}.json`, async (route) => {
      const digest = JSON.parse(readFileSync(join(siteDir, `data/reports/${SHANGJIE_22}.json`), "utf8"));
      digest.title = `标题${evil}`;
      digest.sections[1].heading = `党建引领${evil}`;
      digest.sections[1].blocks[0].text = `${evil}。${digest.sections[1].blocks[0].text}`;
      digest.stats[0].label = evil;
      await route.fulfill({ json: digest });
    });
    await page.goto(`${server.url}${pairPath(SHANGJIE_22, ZHONGYUAN)}`);
    await ready(page);
    for (const d of await page.locator(".compare-sections details").all()) await d.locator("summary").click();
    expect(await page.locator(".compare-result img, .compare-result script").count()).toBe(0);
    expect(await page.locator(".compare-heads").textContent()).toContain("<img src=x");
    expect(problems).toEqual([]);
    await page.close();
    await server.close();
  });
});

describe("share cards", () => {
  it.skipIf(!ogFontFile())("each report page names its card (og:image), a JPEG the build wrote", async () => {
    const page = await open(`${siteUrl}/reports/${SHANGJIE_23}/`);
    const url = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe(
      "summary_large_image",
    );
    await page.close();
    const path = new URL(url ?? "").pathname;
    expect(path).toBe(`/og/${SHANGJIE_23}.jpg`);
    const bytes = readFileSync(join(siteDir, path));
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xd8]);
  });
});

describe("promise tracking on the bundled reports", () => {
  it("lists each target on the region page with its verdict and rule", async () => {
    const page = await open(`${siteUrl}/regions/`);
    await page.getByRole("link", { name: "二七区" }).first().click();
    const rows = await page.$$eval(".targets-table tbody tr", (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? "")),
    );
    expect(rows).toContainEqual([
      "2023",
      "地区生产总值增速",
      "7%",
      "—",
      "无数据",
      "尚无 二七区 2024 年的报告",
    ]);
    expect(await page.locator(".targets-note").textContent()).toContain("“左右”允许差 0.5 个百分点");
    await page.close();
  });

  it("publishes every tracked target as CSV (with BOM) and JSON", async () => {
    const csvText = await (await fetch(`${siteUrl}/data/targets.csv`)).text();
    const bytes = new Uint8Array(await (await fetch(`${siteUrl}/data/targets.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(csvText.replace(/^\uFEFF/, ""));
    expect(header?.slice(0, 8)).toEqual([
      "地区",
      "目标年份",
      "指标",
      "目标",
      "目标原文",
      "实绩",
      "判定",
      "规则",
    ]);
    const json = (await (await fetch(`${siteUrl}/data/targets.json`)).json()) as {
      tolerance: { points: number };
      rows: Array<{ region: string; verdict: string }>;
    };
    expect(json.tolerance.points).toBe(0.5);
    expect(json.rows.length).toBe(rows.length);
    expect(json.rows.length).toBeGreaterThan(0);
  });
});

describe.each(["light", "dark"] as const)("axe-core, %s", (colorScheme) => {
  it.each([
    ["/compare/ with a section open", pairPath(SHANGJIE_22, "shangjiequ-2022-huigu")],
    ["a region page with targets", "/regions/"],
  ])("%s has no violations", async (what, path) => {
    const page = await open(`${siteUrl}${path}`, { colorScheme, viewport: { width: 390, height: 844 } });
    if (path.startsWith("/compare/")) {
      await ready(page);
      await page.locator(".compare-sections details summary").first().click();
    } else await page.getByRole("link", { name: "二七区" }).first().click();
    expect(await axeViolations(page), what).toEqual([]);
    await page.close();
  });
});

// A sample of the corpus: the national reports of 2015 and 2016, 海拉尔区's of 2013 and 2014.
const SAMPLE: Record<string, string> = {
  "guowuyuan-2015.txt": "national_dxcarl_gbk/2015.txt",
  "guowuyuan-2016.txt": "national_dxcarl_gbk/2016.txt",
  "hailaer-2013.txt": "district_hailar_gb2312/2013.txt",
  "hailaer-2014.txt": "district_hailar_gb2312/2014.txt",
};
const haveSample = hasCorpus && Object.values(SAMPLE).every((f) => existsSync(join(CORPUS, f)));

describe.skipIf(!haveSample)("compare and track on a corpus sample", () => {
  let root = "";
  let server: StaticServer;
  beforeAll(async () => {
    root = tempProject(
      Object.fromEntries(Object.entries(SAMPLE).map(([n, f]) => [n, readFileSync(join(CORPUS, f))])),
    );
    execFileSync(astroBin, ["build"], { cwd: root, env: userEnv, stdio: ["ignore", "ignore", "inherit"] });
    server = await serveStatic(join(root, "dist"));
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("compares the national reports of 2015 and 2016", async () => {
    const page = await open(`${server.url}${pairPath("guowuyuan-2015", "guowuyuan-2016")}`);
    await ready(page);
    const rows = await figureRows(page);
    // 2016's report reviews 2015 (6.9%), beside its 十二五 yearly average (7.8%), never taken.
    expect(rows).toContainEqual(["地区生产总值增速", "7.4%", "6.9%", "−0.5 个百分点"]);
    const sections = await page.locator(".compare-sections details summary").allTextContents();
    expect(sections.some((s) => s.includes("工作回顾 ↔"))).toBe(true);
    await page.close();
  });

  it("judges the national 2015 targets by the 2016 report", async () => {
    const json = (await (await fetch(`${server.url}/data/targets.json`)).json()) as {
      rows: Array<{
        region: string;
        year: number;
        name: string;
        verdict: string;
        rule: string;
        result: { text: string } | null;
      }>;
    };
    const gdp = json.rows.find(
      (r) => r.region === "全国" && r.year === 2015 && r.name === "地区生产总值增速",
    );
    expect(gdp).toMatchObject({ verdict: "达成", result: { text: "6.9%" } });
    expect(gdp?.rule).toBe("实绩不低于 6.5% 即达成（“左右”允许差 0.5 个百分点）");
    const jobs = json.rows.find((r) => r.region === "全国" && r.year === 2015 && r.name === "新增城镇就业");
    expect(jobs?.verdict).toBe("达成");
    const hailar = json.rows.filter((r) => r.region === "海拉尔区" && r.year === 2013);
    expect(hailar.length).toBeGreaterThan(0);
    expect(hailar.every((r) => r.verdict !== "无数据" || r.rule.includes("未报告"))).toBe(true);

    const page = await open(`${server.url}/regions/quanguo/`);
    expect(await page.locator(".targets-table").textContent()).toContain("达成");
    await page.close();
  });

  it("charts a level once per region, each on its own axis with its table (全国 in 万亿 beside a district in 亿)", async () => {
    const page = await open(`${server.url}/indicators/gdp/`);
    const cards = page.locator("#level-h ~ .chart-grid-list .chart-card");
    expect(await cards.locator(".chart-card-title").allTextContents()).toEqual(["海拉尔区", "全国"]);
    for (const card of await cards.all()) {
      expect(await card.locator("svg").count()).toBe(1);
      expect(await card.locator("table tbody tr").count()).toBeGreaterThan(0);
    }
    await page.close();
  });
});
