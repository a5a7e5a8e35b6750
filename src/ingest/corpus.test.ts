// Robustness over the real corpus (../shared/corpus, skipped when absent): every file
// parses or fails with a one-line ReportInputError; GBK originals equal their UTF-8
// copies; stat spans match their blocks; no CJK character is lost.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { isReportInputError } from "./errors.ts";
import { parseReport } from "./index.ts";
import { CORPUS, countCjk, digestCjk, hasCorpus, listFiles } from "./testing.ts";
import type { ReportDigest } from "./types.ts";

const files = hasCorpus ? listFiles(CORPUS) : [];

/** The scorer's view of the source: front matter and markup are not body text. */
function sourceCjk(raw: string): Map<string, number> {
  const t = raw
    .replace(/^\uFEFF/u, "")
    .replace(/^---\n[\s\S]*?\n---\n/u, "")
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/<(style|script)[\s\S]*?<\/\1>/giu, "")
    .replace(/<[^>]+>/gu, "");
  return countCjk(t);
}

describe.skipIf(!hasCorpus)("corpus robustness", () => {
  const digests = new Map<string, ReportDigest>();

  it(`parses all ${files.length} files or rejects them cleanly`, () => {
    const failures: string[] = [];
    for (const f of files) {
      try {
        const { digest } = parseReport({ bytes: readFileSync(f), path: f });
        digests.set(f, digest);
      } catch (e) {
        if (!isReportInputError(e)) failures.push(`${f}: ${(e as Error).stack}`);
        else expect(e.toString()).not.toContain("\n");
      }
    }
    expect(failures).toEqual([]);
  });

  it("GBK originals give the same digest as their UTF-8 copies", () => {
    const originals = files.filter((f) => relative(CORPUS, f).startsWith("encodings/"));
    expect(originals.length).toBeGreaterThan(0);
    for (const f of originals) {
      const copy = join(CORPUS, relative(join(CORPUS, "encodings"), f));
      const a = digests.get(f);
      const b = digests.get(copy);
      expect(a, f).toBeDefined();
      expect(a?.meta.encoding).toBe("gb18030");
      expect({ ...a, meta: { ...a?.meta, encoding: "" } }).toEqual({
        ...b,
        meta: { ...b?.meta, encoding: "" },
      });
    }
  });

  it("keeps the contract: ids, stat spans, no CJK character lost", () => {
    for (const [f, d] of digests) {
      expect(d.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const ids = new Set<string>();
      const blocks = new Map<string, string>();
      for (const s of d.sections) {
        expect(s.id).toMatch(/^[a-z0-9-]+$/);
        expect(ids.has(s.id), `${f} ${s.id}`).toBe(false);
        ids.add(s.id);
        for (const b of s.blocks) {
          expect(ids.has(b.id)).toBe(false);
          ids.add(b.id);
          blocks.set(b.id, b.text);
        }
      }
      for (const st of d.stats) {
        expect(blocks.get(st.blockId)?.slice(st.start, st.start + st.text.length), f).toBe(st.text);
        expect(Number.isFinite(st.value)).toBe(true);
      }
      if (relative(CORPUS, f).startsWith("encodings/")) continue;
      const out = digestCjk(d);
      let lost = 0;
      for (const [c, n] of sourceCjk(readFileSync(f, "utf8"))) lost += Math.max(0, n - (out.get(c) ?? 0));
      expect(lost, f).toBe(0);
    }
  });
});
