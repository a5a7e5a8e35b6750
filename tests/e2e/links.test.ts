// Every internal link of the built site resolves: the page exists and so does its #fragment.
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { type HtmlElement, htmlFiles, readHtml, walk } from "../support/html.ts";

const siteDir = inject("siteDir");
const SITE_ORIGIN = "https://report-digest.example.org";

function targetFile(path: string): string | undefined {
  const full = join(siteDir, decodeURIComponent(path));
  if (existsSync(full) && statSync(full).isFile()) return path;
  const index = join(path, "index.html");
  return existsSync(join(siteDir, decodeURIComponent(index))) ? index : undefined;
}

describe("internal links of the built site", () => {
  it("has no broken page links and no broken #fragments", () => {
    const pages = htmlFiles(siteDir);
    const idsByFile = new Map<string, Set<string>>();
    const linksByFile = new Map<string, string[]>();
    for (const page of pages) {
      const ids = new Set<string>();
      const links: string[] = [];
      walk(readHtml(siteDir, page), (el: HtmlElement) => {
        const id = el.properties?.id;
        if (typeof id === "string") ids.add(id);
        const href = el.tagName === "a" || el.tagName === "link" ? el.properties?.href : undefined;
        if (typeof href === "string") links.push(href);
      });
      idsByFile.set(page, ids);
      linksByFile.set(page, links);
    }

    const broken: string[] = [];
    let checked = 0;
    for (const [page, links] of linksByFile) {
      for (const raw of links) {
        const href = raw.startsWith(SITE_ORIGIN) ? raw.slice(SITE_ORIGIN.length) : raw;
        if (/^[a-z]+:/i.test(href) || href.startsWith("//")) continue;
        const url = new URL(href, `http://site${page}`);
        const file = targetFile(url.pathname);
        checked++;
        if (!file) {
          broken.push(`${page}: ${raw} (no such page)`);
          continue;
        }
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (
          fragment &&
          !fragment.startsWith(":~:") &&
          file.endsWith(".html") &&
          !idsByFile.get(file)?.has(fragment)
        ) {
          broken.push(`${page}: ${raw} (no #${fragment} there)`);
        }
      }
    }
    console.log(`link check: ${checked} internal links on ${pages.length} pages, ${broken.length} broken`);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(pages.length);
  });
});
