// Reflow invariance: a report hard-wrapped every 30–40 characters, with blank lines and
// page furniture ("— 3 —", "3", "下转第2版") inserted between the pieces, parses to the
// same headings and blocks as the original.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUNDLED, CORPUS, hasCorpus, listFiles, parseText, reflow, shape } from "./testing.ts";

const seedFiles = listFiles(BUNDLED);
// A fixed sample of clean-bodied corpus files (one per source family).
const corpusSample = hasCorpus
  ? [
      "province_2026_newspaper/2026_上海市.txt",
      "province_2026_newspaper/2026_吉林省.txt",
      "city_2024_jianggufan/三亚.txt",
      "district_hailar_gb2312/2013.txt",
      "national_dxcarl_gbk/2010.txt",
      "county_baoding_xlsx/130608_清苑_2008.txt",
    ].map((p) => join(CORPUS, p))
  : [];

describe("reflow invariance", () => {
  it.each(seedFiles.map((f) => [basename(f), f]))("bundled %s", (_name, file) => {
    const text = readFileSync(file as string, "utf8");
    const base = shape(parseText(text));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 30, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 8 }),
        (widths, inserts) => {
          expect(shape(parseText(reflow(text, widths, inserts)))).toEqual(base);
        },
      ),
      { numRuns: 25 },
    );
  });

  it.skipIf(!hasCorpus).each(corpusSample.map((f) => [basename(f), f]))("corpus %s", (_name, file) => {
    // Literal "\r\n" escapes are line breaks: wrap the lines they delimit.
    const text = readFileSync(file as string, "utf8").replace(/\\r\\n/g, "\n");
    const base = shape(parseText(text));
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 30, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }),
        (widths, inserts) => {
          expect(shape(parseText(reflow(text, widths, inserts)))).toEqual(base);
        },
      ),
      { numRuns: 5 },
    );
  });
});
