// The editorial glossary (content/glossary.yml), read once per build: each term's entry, its markup
// and the anchor of its entry on /glossary/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { keyOf } from "../build/cache.ts";
import { type GlossaryEntry, loadGlossary } from "../ingest/glossary.ts";
import type { GlossaryTerm } from "./callouts.ts";
import { termAnchors, termLookup } from "./glossary-usage.ts";

let source: string | undefined;
let sourceKey: string | undefined;
let entries: Map<string, GlossaryEntry> | undefined;
let anchors: Map<string, string> | undefined;

const glossarySource = () => {
  source ??= readFileSync(join(process.cwd(), "content/glossary.yml"), "utf8");
  return source;
};

export function glossary(): Map<string, GlossaryEntry> {
  entries ??= new Map(loadGlossary(glossarySource()).map((e) => [e.term, e]));
  return entries;
}

/** Changes whenever the glossary file does: part of the cache key of every page showing terms. */
export const glossaryKey = () => {
  sourceKey ??= keyOf(glossarySource());
  return sourceKey;
};

let lookup: ((term: string) => GlossaryTerm | undefined) | undefined;

/** A term with its explanation and the anchor of its /glossary/ entry, as a page marks it up. */
export function glossaryTerm(term: string): GlossaryTerm | undefined {
  lookup ??= termLookup([...glossary().values()]);
  return lookup(term);
}

/** The id of a term's entry on /glossary/ ("term-zhuan-jing-te-xin"). */
export function termAnchor(term: string): string | undefined {
  anchors ??= termAnchors([...glossary().values()]);
  return anchors.get(term);
}
