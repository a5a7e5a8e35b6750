import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { parseCsv } from "../../tests/support/csv.ts";
import { buildStats } from "../site/data.ts";
import { BOM, CSV_HEADER, csvCell, csvLine, statsCsv, statsCsvPieces } from "./data-csv.ts";

describe("csv", () => {
  it("streams the same text as statsCsv, a line at a time", () => {
    const doc = buildStats([{ digest: fixtureDigest, href: "/reports/fixture/" }]);
    for (const site of ["https://x.org", "https://x.org/sub/"]) {
      const pieces = [...statsCsvPieces(doc, site)];
      expect(pieces).toHaveLength(doc.rows.length + 1);
      expect(pieces.join("")).toBe(statsCsv(doc, site));
    }
  });
  it("starts with a BOM and the Chinese header, one line per figure", () => {
    const csv = statsCsv(buildStats([{ digest: fixtureDigest, href: "/reports/fixture/" }]), "https://x.org");
    expect(csv.startsWith(BOM)).toBe(true);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(fixtureDigest.stats.length + 1);
    expect(rows[1]).toEqual([
      "测试区",
      "测试区政府工作报告",
      "2023",
      "2022",
      "地区生产总值",
      "地区生产总值",
      "实绩",
      "78560000000",
      "",
      "元",
      "785.6 亿元",
      "https://x.org/reports/fixture/#s-1",
    ]);
  });

  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell('说"好"，,好')).toBe('"说""好""，,好"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-1+A1")).toBe("'-1+A1");
    expect(csvCell("-2.5%")).toBe("-2.5%");
    expect(csvCell(-2.5)).toBe("-2.5");
    expect(csvCell(null)).toBe("");
  });

  it("round-trips any text through an independent reader", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (table) => {
          const safe = table.map((row) => row.map((c) => c.replace(/^[=+\-@\t\r]+/, "")));
          const text = safe.map(csvLine).join("");
          // A lone empty cell is an empty line; the reader cannot tell it from no row.
          fc.pre(safe.every((row) => row.length > 1 || row[0] !== ""));
          expect(parseCsv(text)).toEqual(safe);
        },
      ),
    );
  });
});
