// axe-core, injected into headless Chromium, finds no violations on the main page types in
// either colour scheme (also with a figure popover and a glossary tooltip open).
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";

const siteUrl = inject("siteUrl");
const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let browser: Browser;
let reportPath: string;

interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/`);
  reportPath = (await page.locator(".report-card h2 a").first().getAttribute("href")) ?? "";
  await page.close();
});
afterAll(() => browser?.close());

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations;
  });
  return (found as AxeViolation[]).flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(" ")} ${n.failureSummary ?? ""}`),
  );
}

const PAGES = ["/", "REPORT", "/search/", "/glossary/"];

describe.each(["light", "dark"] as const)("axe-core in the %s scheme", (colorScheme) => {
  it.each(PAGES)("%s has no violations", async (path) => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 1280, height: 900 } });
    await page.goto(`${siteUrl}${path === "REPORT" ? reportPath : path}`);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("a report page with a figure popover and a glossary tooltip open has no violations", async () => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 390, height: 844 } });
    await page.goto(`${siteUrl}${reportPath}`);
    await page.locator("a.stat").first().click();
    await page.locator("#stat-pop").waitFor();
    await page.locator("dfn.term").first().focus();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it("a report page with the share menu, its QR code and a landing note open has no violations", async () => {
    const page = await browser.newPage({ colorScheme, viewport: { width: 390, height: 844 } });
    await page.goto(`${siteUrl}${reportPath}#gone`);
    await page.locator(".landing-note").waitFor();
    await page.locator(".sec-h .h-anchor").first().click();
    await page.getByRole("button", { name: "二维码" }).click();
    await page.locator("[data-share-qr-figure] svg").waitFor();
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});
