// The editorial glossary (content/glossary.yml), read once per build.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type GlossaryEntry, loadGlossary } from "../ingest/glossary.ts";

let entries: Map<string, GlossaryEntry> | undefined;

export function glossary(): Map<string, GlossaryEntry> {
  entries ??= new Map(
    loadGlossary(readFileSync(join(process.cwd(), "content/glossary.yml"), "utf8")).map((e) => [e.term, e]),
  );
  return entries;
}

export const glossaryEntry = (term: string) => glossary().get(term);
