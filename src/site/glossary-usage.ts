// Where each glossary term is used: the report sections whose blocks use it (each block's terms
// were found in ingest, aliases included), and a stable ASCII anchor per term for /glossary/.
import { pinyin } from "pinyin-pro";
import type { GlossaryEntry } from "../ingest/glossary.ts";
import type { ReportDigest } from "../ingest/types.ts";
import type { GlossaryTerm } from "./callouts.ts";

export interface TermUse {
  slug: string;
  sectionId: string;
  /** The section's heading, or null for a report's lead section. */
  heading: string | null;
}

/** Every section using each term, in report order then section order; each section once per term. */
export function termUses(digests: Iterable<ReportDigest>): Map<string, TermUse[]> {
  const uses = new Map<string, TermUse[]>();
  for (const digest of digests) {
    for (const section of digest.sections) {
      const terms = new Set(section.blocks.flatMap((b) => (b.terms ?? []).map((hit) => hit.term)));
      for (const term of terms) {
        const use = { slug: digest.slug, sectionId: section.id, heading: section.heading };
        const list = uses.get(term);
        if (list) list.push(use);
        else uses.set(term, [use]);
      }
    }
  }
  return uses;
}

/** The terms a report uses, each once, in the order they first appear. */
export function termsInReport(digest: ReportDigest): string[] {
  const seen = new Set<string>();
  for (const section of digest.sections)
    for (const b of section.blocks) for (const hit of b.terms ?? []) seen.add(hit.term);
  return [...seen];
}

function romanize(term: string): string {
  const syllables = pinyin(term, { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  return syllables
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** An anchor id per term ("zhuan-jing-te-xin"); terms that romanize alike get "-2", "-3" in file order. */
export function termAnchors(entries: readonly Pick<GlossaryEntry, "term">[]): Map<string, string> {
  const anchors = new Map<string, string>();
  const taken = new Set<string>();
  for (const { term } of entries) {
    const base = `term-${romanize(term) || "x"}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    anchors.set(term, id);
  }
  return anchors;
}

/** Looks a term up as a page marks it up: its explanation and the anchor of its /glossary/ entry. */
export function termLookup(entries: readonly GlossaryEntry[]): (term: string) => GlossaryTerm | undefined {
  const byTerm = new Map(entries.map((entry) => [entry.term, entry]));
  const anchors = termAnchors(entries);
  return (term) => {
    const entry = byTerm.get(term);
    const anchor = entry && anchors.get(entry.term);
    return entry && anchor ? { term: entry.term, explain: entry.explain, anchor } : undefined;
  };
}

export interface GlossaryGroup<T> {
  category: string;
  entries: T[];
}

/** Entries grouped by category, categories in the order the file first uses them. */
export function byCategory<T extends { category?: string }>(
  entries: readonly T[],
  fallback = "其他",
): GlossaryGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = entry.category ?? fallback;
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups].map(([category, list]) => ({ category, entries: list }));
}

const QUOTES = /["'“”‘’「」『』]/g;

/** Aliases worth showing a reader: not mere quotation-mark variants of the term or of each other. */
export function readerAliases(entry: Pick<GlossaryEntry, "term" | "aliases">): string[] {
  const seen = new Set([entry.term.replace(QUOTES, "")]);
  return (entry.aliases ?? []).filter((alias) => {
    const bare = alias.replace(QUOTES, "");
    if (seen.has(bare)) return false;
    seen.add(bare);
    return true;
  });
}
