// Reflow invariance: a report hard-wrapped every 30–40 characters, with blank lines and
// page furniture ("— 3 —", "3", "下转第2版") inserted between the pieces, parses to the
// same headings and blocks as the original.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CORPUS, hasCorpus, hasSeeds, listFiles, parseText, SEEDS, shape } from "./testing.ts";

const HAN = /\p{Script=Han}/u;
const NUMERAL = /[一二三四五六七八九十]/u;

/** Where a printer could wrap: between two Han characters, not before a numeral or a byline word. */
function canWrapAt(line: string, i: number): boolean {
  const a = line[i - 1] ?? "";
  const b = line[i] ?? "";
  if (!HAN.test(a) || !HAN.test(b) || NUMERAL.test(b)) return false;
  // Bylines glued to a paragraph end are split off by pattern: keep them on one piece.
  return !/记者|通讯员|本报|责任编辑/u.test(line.slice(Math.max(0, i - 40), i + 6));
}

const FURNITURE = ["— 3 —", "3", "下转第2版", "-12-", "（上接第1版）"];

export function reflow(text: string, widths: number[], inserts: number[]): string {
  const out: string[] = [];
  let k = 0;
  for (const line of text.split("\n")) {
    if (line.length < 60 || !line.includes("。")) {
      out.push(line);
      continue;
    }
    let pos = 0;
    let rest = line;
    const pieces: string[] = [];
    while (rest.length > 45) {
      let cut = widths[k++ % widths.length] ?? 35;
      while (cut < rest.length - 5 && !canWrapAt(rest, cut)) cut++;
      if (cut >= rest.length - 5) break;
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
      pos += cut;
    }
    pieces.push(rest);
    pieces.forEach((p, j) => {
      out.push(p);
      if (j < pieces.length - 1) {
        const ins = inserts[k++ % inserts.length] ?? 0;
        if (ins === 1) out.push("");
        else if (ins >= 2) out.push("", FURNITURE[ins % FURNITURE.length] as string, "");
      }
    });
  }
  return out.join("\n");
}

const seedFiles = hasSeeds ? listFiles(SEEDS) : [];
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
  it.skipIf(!hasSeeds).each(seedFiles.map((f) => [basename(f), f]))("seed %s", (_name, file) => {
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
