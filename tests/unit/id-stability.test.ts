// Anchor ids are content-derived: editing one paragraph changes only that paragraph's id and its
// figures' ids, and parsing the same bytes twice gives byte-identical digests. Checked on every
// bundled report and on a sample of the corpus (skipped when ../shared/corpus is absent).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { listSources } from "../../src/build/generate.ts";
import { parseReport, type ReportDigest } from "../../src/ingest/index.ts";
import { CORPUS, hasCorpus } from "../../src/ingest/testing.ts";

const root = join(import.meta.dirname, "../..");
/** About one corpus file in twelve, spread over every folder. */
const CORPUS_STRIDE = 12;
/** A sentence with no figure and no heading-like shape, so it only lengthens its paragraph. */
const INSERTED = "各项工作稳步推进，群众获得感持续增强。";

function corpusSample(): string[] {
  if (!hasCorpus) return [];
  const files: string[] = [];
  for (const folder of readdirSync(CORPUS, { withFileTypes: true })) {
    // encodings/ holds the GBK originals of files that are in the sample already as UTF-8.
    if (!folder.isDirectory() || folder.name === "encodings") continue;
    for (const name of readdirSync(join(CORPUS, folder.name)).sort()) {
      files.push(join(CORPUS, folder.name, name));
    }
  }
  return files.filter((_, i) => i % CORPUS_STRIDE === 0);
}

const parse = (bytes: Uint8Array, path: string) => parseReport({ bytes, path }).digest;

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * The source with one sentence inserted after the first sentence of one paragraph (preferring
 * paragraphs in the middle of the report), and the id that paragraph had; undefined when no
 * paragraph's first sentence ends in words found verbatim in the source. Words found once are
 * preferred; a source that repeats its whole body (scraped pages do) gets the sentence in every copy.
 */
function insertSentence(
  source: string,
  digest: ReportDigest,
): { source: string; blockId: string } | undefined {
  const blocks = digest.sections.flatMap((s) => s.blocks).filter((b) => b.type === "paragraph");
  const allText = blocks.map((b) => b.text).join("\n");
  const middleFirst = [...blocks.keys()].sort(
    (a, b) => Math.abs(a - blocks.length / 2) - Math.abs(b - blocks.length / 2),
  );
  for (const once of [true, false]) {
    for (const i of middleFirst) {
      const block = blocks[i];
      const end = block?.text.indexOf("。", 8) ?? -1;
      if (!block || end < 0 || end === block.text.length - 1) continue;
      const anchor = block.text.slice(end - 6, end + 1);
      const found = occurrences(source, anchor);
      if (occurrences(allText, anchor) !== 1 || found === 0 || (once && found > 1)) continue;
      return { source: source.split(anchor).join(anchor + INSERTED), blockId: block.id };
    }
  }
  return undefined;
}

function checkStability(file: string): void {
  const path = relative(root, file);
  const bytes = readFileSync(file);
  const before = parse(bytes, path);
  expect(JSON.stringify(parse(bytes, path)), `${path}: re-parse is byte-identical`).toBe(
    JSON.stringify(before),
  );

  const ids = [
    ...before.sections.map((s) => s.id),
    ...before.sections.flatMap((s) => s.blocks.map((b) => b.id)),
    ...before.stats.map((s) => s.id),
  ];
  expect(new Set(ids).size, `${path}: ids are unique in the page`).toBe(ids.length);

  const edit = insertSentence(new TextDecoder().decode(bytes), before);
  expect(edit, `${path}: has a paragraph to edit`).toBeDefined();
  if (!edit) return;
  const after = parse(new TextEncoder().encode(edit.source), path);

  expect(after.sections.map((s) => s.id)).toEqual(before.sections.map((s) => s.id));
  const blocksBefore = before.sections.flatMap((s) => s.blocks.map((b) => b.id));
  const blocksAfter = after.sections.flatMap((s) => s.blocks.map((b) => b.id));
  expect(blocksAfter.length).toBe(blocksBefore.length);
  const changed = blocksBefore.flatMap((id, i) => (blocksAfter[i] === id ? [] : [[id, blocksAfter[i]]]));
  expect(changed, `${path}: only the edited paragraph's id changes`).toEqual([
    [edit.blockId, expect.stringMatching(/^p-/)],
  ]);
  const newBlockId = changed[0]?.[1];
  const untouched = (d: ReportDigest, blockId: string | undefined) =>
    d.stats.filter((s) => s.blockId !== blockId).map((s) => s.id);
  expect(untouched(after, newBlockId), `${path}: other figures keep their ids`).toEqual(
    untouched(before, edit.blockId),
  );
}

describe("content-derived anchor ids", () => {
  const reports = listSources(join(root, "content/reports"));
  it.each(reports.map((f) => [relative(root, f), f]))(
    "are stable under a one-paragraph edit: %s",
    (_, file) => checkStability(file),
  );

  const sample = corpusSample();
  it.skipIf(sample.length === 0).each(sample.map((f) => [relative(CORPUS, f), f]))(
    "are stable under a one-paragraph edit (corpus): %s",
    (_, file) => checkStability(file),
  );
});
