import { describe, expect, it } from "vitest";
import { type Comparable, compareHref, consecutivePairs, previousReport } from "./compare-links.ts";

const r = (slug: string, year: number | null, kind = "政府工作报告", region = "上街区"): Comparable => ({
  slug,
  region,
  year,
  kind,
});
const slugs = (pairs: Array<[Comparable, Comparable]>) => pairs.map(([a, b]) => `${a.slug}>${b.slug}`);

describe("consecutivePairs", () => {
  it("pairs reports of consecutive years, skipping gaps", () => {
    expect(slugs(consecutivePairs([r("y23", 2023), r("y21", 2021), r("y22", 2022), r("y19", 2019)]))).toEqual(
      ["y21>y22", "y22>y23"],
    );
  });
  it("pairs within a kind where a year has several", () => {
    const reports = [
      r("gov22", 2022),
      r("news22", 2022, "新闻综述"),
      r("gov23", 2023),
      r("conf23", 2023, "经济工作会议"),
    ];
    expect(slugs(consecutivePairs(reports))).toEqual(["gov22>gov23", "gov22>conf23", "news22>conf23"]);
  });
  it("leaves out reports without a year", () => {
    expect(consecutivePairs([r("x", null), r("y", 2023)])).toEqual([]);
  });
});

describe("previousReport", () => {
  const all = [
    r("a20", 2020),
    r("a22", 2022),
    r("n22", 2022, "新闻综述"),
    r("b22", 2022, "政府工作报告", "二七区"),
  ];
  it("is the region's nearest earlier report, of the same kind when there is one", () => {
    expect(previousReport(r("a23", 2023), all)?.slug).toBe("a22");
    expect(previousReport(r("n23", 2023, "新闻综述"), all)?.slug).toBe("n22");
    expect(previousReport(r("c23", 2023, "经济工作会议"), all)?.slug).toBe("a22");
    expect(previousReport(r("a21", 2021), all)?.slug).toBe("a20");
  });
  it("is none for the first report, a report without a year or a region", () => {
    expect(previousReport(r("a19", 2019), all)).toBeUndefined();
    expect(previousReport(r("x", null), all)).toBeUndefined();
    expect(previousReport({ ...r("x", 2023), region: null }, all)).toBeUndefined();
  });
});

it("compareHref escapes the slugs", () => {
  expect(compareHref("a b", "c&d")).toBe("/compare/?a=a%20b&b=c%26d");
});
