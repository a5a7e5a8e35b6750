// Where the parse is unsure, said with file and line so an editor can check: `npm run check` and
// the build print these as warnings. Pure: reads the digest and what metadata detection saw.
import type { RegionEvidence } from "./metadata.ts";
import { labelFault } from "./stats.ts";
import type { ReportDigest } from "./types.ts";

export interface DoubtInput {
  path: string;
  digest: ReportDigest;
  /** The source line each block starts on. */
  blockLines: ReadonlyMap<string, number>;
  /** The region the front matter states, the file name names, and the text itself says. */
  regions: RegionEvidence & { frontMatter?: string | undefined };
}

/** Figures of one kind of doubt listed one by one before the rest are counted. */
const LISTED = 5;

export function findDoubts({ path, digest, blockLines, regions }: DoubtInput): string[] {
  const out: string[] = [];
  const { text, frontMatter, fileName } = regions;
  if (text && frontMatter && text !== frontMatter) {
    out.push(
      `${path}: front matter says region "${frontMatter}" but the text reports for ${text}; check which is right`,
    );
  } else if (text && fileName && text !== fileName && !text.includes(fileName) && !fileName.includes(text)) {
    out.push(
      `${path}: the file name names ${fileName} but the text reports for ${text}; the page files it under ${digest.meta.region ?? text}`,
    );
  }
  if (!digest.title) out.push(`${path}: no title found; add "title:" to the front matter`);
  const at = (blockId: string) => `${path}:${blockLines.get(blockId) ?? 1}`;
  const figures = (what: string, fix: string, stats: ReportDigest["stats"]) => {
    for (const s of stats.slice(0, LISTED)) out.push(`${at(s.blockId)}: figure "${s.text}" ${what}; ${fix}`);
    if (stats.length > LISTED) out.push(`${path}: ${stats.length - LISTED} more figures ${what}`);
  };
  // A label that is a piece of its sentence ("比上年", "完成") was set aside by the parse, or came in
  // with one: either way the page must not show it as what the figure measures.
  const fragment = (s: ReportDigest["stats"][number]) =>
    s.labelFragment ?? (labelFault(s.label) ? s.label : undefined);
  figures(
    "has no indicator label",
    "the page shows it without saying what it measures",
    digest.stats.filter((s) => !s.label && !fragment(s)),
  );
  const fragments = digest.stats.filter((s) => fragment(s));
  for (const s of fragments.slice(0, LISTED)) {
    out.push(
      `${at(s.blockId)}: figure "${s.text}" has only a piece of its sentence for a label ("${fragment(s)}", ${labelFault(fragment(s) ?? null)}); name the indicator in the sentence`,
    );
  }
  if (fragments.length > LISTED)
    out.push(`${path}: ${fragments.length - LISTED} more figures have a fragment for a label`);
  figures(
    "is a target with no year",
    "name the year in the sentence or set `year:` in the front matter",
    digest.stats.filter((s) => s.target && !s.year),
  );
  return out;
}
