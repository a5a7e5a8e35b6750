// Scraped web pages: navigation menus, link-list footers, summary previews, and the inline-link
// fragments a scraper cut out of sentences.
import furnitureLexicon from "../lexicon/furniture.json" with { type: "json" };
import { alternation, isTerminated } from "../text.ts";
import { isSpeakerLine } from "./header.ts";
import { ADDRESS_OPENER, type ClassifiedLine, nextContent, TITLE_WORD } from "./lines.ts";
import { matchScheme } from "./schemes.ts";

const PREVIEW_LABEL = new RegExp(`^(?:${alternation(furnitureLexicon.previewLabels)})`, "u");

const SHORT_PLAIN = /^[\p{Script=Han}A-Za-z0-9“”·]{1,12}$/u;

/** Four or more short bare lines in a row are a site's navigation menu, not content. */
export function markNavigation(lines: ClassifiedLine[]): void {
  let run: ClassifiedLine[] = [];
  const flush = () => {
    if (run.length >= 4) {
      for (const r of run) {
        r.kind = "furniture";
        r.furniture = "chrome";
      }
    }
    run = [];
  };
  for (const l of lines) {
    if (l.kind === "blank" || l.kind === "furniture") continue;
    if (
      l.kind === "body" &&
      SHORT_PLAIN.test(l.text) &&
      !matchScheme(l.text) &&
      !/^\d+$/u.test(l.text) &&
      !TITLE_WORD.test(l.text)
    )
      run.push(l);
    else flush();
  }
  flush();
  // Breadcrumb items: short lines next to a ">" separator line.
  const content = lines.filter((l) => l.kind !== "blank");
  content.forEach((l, k) => {
    if (l.kind !== "body" || l.text.length > 16 || /[。！？；，]/u.test(l.text)) return;
    const isSep = (x: ClassifiedLine | undefined) =>
      x !== undefined && /^(?:>{1,2}|＞|›|»|\/)$/u.test(x.text);
    if (isSep(content[k - 1]) || isSep(content[k + 1])) {
      l.kind = "furniture";
      l.furniture = "chrome";
    }
  });
}

/**
 * A scraped page ends in link lists (departments, other sites, other reports): from the end,
 * a run of three or more short bare lines with no sentence among them is chrome.
 */
export function markSandwichedLinks(lines: ClassifiedLine[]): void {
  const content = lines.filter((l) => l.kind !== "blank");
  let k = 0;
  while (k < content.length) {
    const isBare = (l: ClassifiedLine) =>
      l.kind === "body" &&
      l.text.length <= 16 &&
      !/[。！？；，,：:]/u.test(l.text) &&
      !matchScheme(l.text) &&
      !TITLE_WORD.test(l.text) &&
      // "天津市市长 张工" above a photo caption is the speaker's byline, never a link.
      !isSpeakerLine(l.text);
    if (!isBare(content[k] as ClassifiedLine)) {
      k++;
      continue;
    }
    let j = k;
    while (j < content.length && isBare(content[j] as ClassifiedLine)) j++;
    const before = content[k - 1];
    const after = content[j];
    // Between two pieces of page chrome (a footer and the next page's header): link text.
    if (before?.kind === "furniture" && after?.kind === "furniture" && before.furniture === "chrome") {
      for (let m = k; m < j; m++) {
        const l = content[m] as ClassifiedLine;
        l.kind = "furniture";
        l.furniture = "chrome";
      }
    }
    k = j;
  }
}

export function markTrailingLinks(lines: ClassifiedLine[]): void {
  const run: ClassifiedLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "blank" || l.kind === "furniture") continue;
    if (l.kind !== "body" || l.text.length > 24 || /[。！？；，、,;:：]/u.test(l.text)) break;
    run.push(l);
  }
  if (run.length < 3) return;
  for (const l of run) {
    l.kind = "furniture";
    l.furniture = "chrome";
  }
}

/** The line after a "内容摘要" label previews the body. */
export function markPreviews(lines: ClassifiedLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "furniture" || !PREVIEW_LABEL.test(l.text)) continue;
    const n = nextContent(lines, i);
    const nl = n >= 0 ? (lines[n] as ClassifiedLine) : undefined;
    if (nl && nl.kind === "body" && (/(?:\.{3,}|…+)$/u.test(nl.text) || nl.text.length >= 20)) {
      nl.kind = "furniture";
      nl.furniture = "duplicate";
      // A preview wrapped over several lines runs on until its closing "......".
      let j = n;
      let last = nl;
      while (!/(?:\.{3,}|…+)$/u.test(last.text)) {
        j = nextContent(lines, j);
        const m = j >= 0 ? (lines[j] as ClassifiedLine) : undefined;
        if (m?.kind !== "body" || isTerminated(last.text)) break;
        m.kind = "furniture";
        m.furniture = "duplicate";
        last = m;
      }
    }
  }
}

/** Short lines that stand alone more than once are hyperlink anchors cut out of sentences. */
export function linkFragments(lines: ClassifiedLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.kind !== "body" || l.text.length > 8 || matchScheme(l.text) || isTerminated(l.text)) continue;
    if (ADDRESS_OPENER.test(l.text) || /^\d+$/u.test(l.text)) continue;
    counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [t, n] of counts) if (n >= 2) out.add(t);
  return out;
}
