// What the pages built from every report (data, regions, indicators, topics, glossary, feed) read of
// a digest: everything but the text after each section's opening (the excerpts, summaries and
// glossary uses need only its start and the terms). The site data holds one per report for the
// whole build, and the full digests of 5,000 reports would not fit in the build's heap.
import type { Block, ReportDigest } from "../ingest/types.ts";

/** Characters of a section's first block kept: more than any excerpt shows (summary.ts: 90). */
const OPENING = 120;

/**
 * The digest with each section reduced to one block: the first block's opening, carrying the terms
 * of all its blocks (their offsets no longer point into the text; only the terms are read).
 */
export function digestOutline(digest: ReportDigest): ReportDigest {
  return {
    ...digest,
    sections: digest.sections.map((section) => {
      const [first] = section.blocks;
      if (!first) return section;
      const terms = section.blocks.flatMap((b) => b.terms ?? []);
      const opening: Block = { id: first.id, type: first.type, text: first.text.slice(0, OPENING), terms };
      return { ...section, blocks: [opening] };
    }),
  };
}
