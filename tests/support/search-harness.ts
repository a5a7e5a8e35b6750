// Helpers for search browser tests: the query set, sections named by snippet resolved to ids from
// the generated digests, and running a query through the /search/ page as a reader would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { ReportDigest } from "../../src/ingest/types.ts";
import { parseQuery } from "../../src/scripts/search/query.ts";

export interface ExpectedSection {
  report: string;
  /** A snippet of the expected section's text… */
  text?: string;
  /** …or the report itself (its title and front matter, linked without a section anchor). */
  title?: boolean;
}
export interface QueryCase {
  q: string;
  kind: string;
  expect: ExpectedSection[];
}

const root = join(import.meta.dirname, "../..");
export const queryCases: QueryCase[] = JSON.parse(
  readFileSync(join(root, "tests/search-queries.json"), "utf8"),
).queries;

const digests = new Map<string, ReportDigest>();
export function digest(slug: string): ReportDigest {
  let d = digests.get(slug);
  if (!d) {
    d = JSON.parse(readFileSync(join(root, ".generated/digests", `${slug}.json`), "utf8")) as ReportDigest;
    digests.set(slug, d);
  }
  return d;
}

/** A section's heading and text; `joiner` "" lets a snippet run across a paragraph the source broke. */
export const sectionText = (d: ReportDigest, id: string, joiner = "\n"): string => {
  const s = d.sections.find((x) => x.id === id);
  return s ? [s.heading ?? "", ...s.blocks.map((b) => b.text)].join(joiner) : "";
};

/** The id of the section holding `text` (the snippet names exactly one section); "" for the report. */
export function sectionIdOf(e: ExpectedSection): string {
  if (e.title || !e.text) return "";
  const snippet = e.text;
  const norm = (s: string) => s.normalize("NFKC");
  const d = digest(e.report);
  const found = d.sections.filter((s) => norm(sectionText(d, s.id, "")).includes(norm(snippet)));
  if (found.length !== 1) throw new Error(`${e.report}: snippet "${snippet}" is in ${found.length} sections`);
  return (found[0] as { id: string }).id;
}

export interface ShownHit {
  report: string;
  section: string;
}

/** Types a query into /search/ (already open) and returns the main result hits in display order. */
export async function searchOnPage(page: Page, q: string): Promise<{ hits: ShownHit[]; ms: number }> {
  const { hrefs, ms } = await page.evaluate(async (query) => {
    const input = document.querySelector<HTMLInputElement>("[data-search-input]");
    const results = document.querySelector<HTMLElement>("[data-search-results]");
    if (!input || !results) throw new Error("search page not ready");
    const before = results.dataset.ready;
    const started = performance.now();
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (
          results.dataset.ready !== before &&
          !document.querySelector("[data-search-status]")?.textContent?.startsWith("正在")
        ) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(results, { attributes: true, attributeFilter: ["data-ready"] });
    });
    input.value = query;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await done;
    const ms = performance.now() - started;
    const links = [...results.querySelectorAll<HTMLAnchorElement>(".sr-groups .sr-hit > a")].filter(
      (a) => !a.closest(".sr-related, .sr-more"),
    );
    return { hrefs: links.map((a) => a.getAttribute("href") ?? ""), ms };
  }, q);
  const hits = hrefs.map((href) => {
    const url = new URL(href, "http://x");
    return { report: url.pathname.split("/")[2] ?? "", section: decodeURIComponent(url.hash.slice(1)) };
  });
  return { hits, ms };
}

const norm = (s: string) => s.normalize("NFKC").toLowerCase();
/** Substring match where a figure is not part of a longer figure (12 in 120, 5.2% in 15.2%). */
function holds(text: string, needle: string): boolean {
  const n = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = `${/^[0-9]/.test(needle) ? "(?<![0-9.])" : ""}${n}${/[0-9]$/.test(needle) ? "(?![0-9]|\\.[0-9])" : ""}`;
  return new RegExp(pattern).test(text);
}
/** A term's words as a reader names them: two or more segments of two or more characters. */
function words(s: string): string[] {
  const all = [...new Intl.Segmenter("zh-CN", { granularity: "word" }).segment(s)].filter(
    (x) => x.isWordLike,
  );
  const named = all.map((x) => x.segment).filter((w) => w.length > 1 || /[0-9a-z]/i.test(w));
  return named.length >= 2 ? named : [];
}

/**
 * Does a shown hit hold the whole query (a synonym counts) or every word of it? A section hit must
 * hold it in its own text; the report hit in its title or front matter. Checked against the
 * digest, not against what the search stored.
 */
export function holdsQuery(d: ReportDigest, hit: ShownHit, q: string): boolean {
  const { region, year, kind, source, meeting, speaker } = d.meta;
  const about = [d.title, region, year && `${year}年`, kind, source, meeting, speaker];
  const text = norm(hit.section ? sectionText(d, hit.section) : about.filter(Boolean).join("\n"));
  const query = parseQuery(q);
  return query.terms.every(
    (t) =>
      t.alternatives.some((a) => holds(text, a)) ||
      (!query.exact && words(t.text).length > 0 && words(t.text).every((w) => holds(text, w))),
  );
}
