// The site as the deploy guide serves it (README, "Deploying"): the built site with the response
// headers of public/_headers (the same as deploy/nginx.conf). Every kind of page loads, and search
// runs, with the Content-Security-Policy enforced in Chromium: no violation, no console error.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { hostHeaders } from "../support/host-headers.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";
import { REPO } from "../support/temp-project.ts";

const HEADERS_FILE = join(REPO, "public/_headers");
const headersFor = hostHeaders(HEADERS_FILE);
const siteDir = inject("siteDir");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(siteDir, headersFor);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const first = (dir: string) => readdirSync(join(siteDir, dir)).find((n) => !n.includes(".")) ?? "";
const PAGES = [
  "/",
  `/reports/${first("reports")}/`,
  `/regions/${first("regions")}/`,
  `/topics/${first("topics")}/`,
  "/glossary/",
  "/data/",
  `/search/?q=${encodeURIComponent("营商环境")}`,
];

/** Opens a page recording CSP violations, console errors and uncaught exceptions. */
async function openRecording(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`exception: ${e.message}`));
  await page.exposeFunction("__cspViolation", (v: string) => problems.push(`CSP: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI}`,
      );
    });
  });
  const response = await page.goto(server.url + path, { waitUntil: "networkidle" });
  expect(response?.headers()["content-security-policy"], path).toContain("default-src 'self'");
  return { page, problems };
}

describe("deployed with the guide's headers", () => {
  it.each(PAGES)("%s loads with the CSP enforced, without an error", async (path) => {
    const { page, problems } = await openRecording(path);
    if (path.startsWith("/search/")) {
      await page.waitForSelector("[data-search-results][data-ready]", { state: "attached" });
      expect(await page.locator(".sr-hit").count()).toBeGreaterThan(0);
    }
    await page.close();
    expect(problems).toEqual([]);
  });

  it("runs the search dialog (pagefind's worker and wasm) under the CSP", async () => {
    const { page, problems } = await openRecording(`/reports/${first("reports")}/`);
    await page.keyboard.press("/");
    await page.locator("dialog.search-dialog input").fill("地区生产总值");
    await page.waitForSelector("dialog.search-dialog [data-search-results][data-ready]", {
      state: "attached",
    });
    expect(await page.locator("dialog.search-dialog .sr-hit").count()).toBeGreaterThan(0);
    await page.close();
    expect(problems).toEqual([]);
  });

  it("caches hashed files for a year and asks again for HTML and the shard list", async () => {
    const page = await browser.newPage();
    const seen = new Map<string, string>();
    page.on("response", (r) => seen.set(new URL(r.url()).pathname, r.headers()["cache-control"] ?? ""));
    await page.goto(`${server.url}/search/?q=${encodeURIComponent("营商")}`, { waitUntil: "networkidle" });
    await page.waitForSelector("[data-search-results][data-ready]", { state: "attached" });
    await page.close();
    const paths = [...seen.keys()];
    const immutable = (p: string) => seen.get(p)?.includes("immutable");
    expect(paths.filter((p) => p.startsWith("/_astro/")).every(immutable)).toBe(true);
    expect(paths.some((p) => /^\/pagefind\/[^/]+\/fragment\//u.test(p))).toBe(true);
    expect(paths.filter((p) => /^\/pagefind\/[^/]+\//u.test(p)).every(immutable)).toBe(true);
    expect(seen.get("/pagefind/shards.json")).toBe("no-cache");
    expect(seen.get("/pagefind/pagefind.js")).toBe("no-cache");
  });

  it("gives Nginx the same Content-Security-Policy as public/_headers", () => {
    const csp = headersFor("/")["content-security-policy"];
    const nginx = readFileSync(join(REPO, "deploy/nginx.conf"), "utf8");
    expect(/set \$csp "([^"]+)";/u.exec(nginx)?.[1]).toBe(csp);
  });
});
