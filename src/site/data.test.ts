import { describe, expect, it } from "vitest";
import { annotated, fixtureDigest, statOf } from "../../tests/fixtures/digest.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { facetOptions, indicatorNames, viewRow } from "../shared/data-row.ts";
import { buildStats, regionIndex, tablePageCount, tablePageHref, topicIndex } from "./data.ts";
import { collectSeries, yearRows } from "./data-series.ts";
import { asciiSlug, slugMap } from "./data-slugs.ts";

const stat = statOf;

/** A report with one GDP level, one GDP growth and one target, delivered in `year`. */
function report(
  slug: string,
  region: string,
  year: number,
  gdp: number,
  growth: number,
  target: number,
): ReportDigest {
  const text = `地区生产总值${gdp}亿元，增长${growth}%。预期目标增长${target}%。`;
  return annotated({
    slug,
    title: `${region}${year}年政府工作报告`,
    meta: { encoding: "utf-8", region, year },
    sections: [
      {
        id: "sec",
        heading: "回顾",
        level: 1,
        mode: "review",
        topics: ["经济发展"],
        blocks: [{ id: "b", type: "paragraph", text }],
      },
    ],
    stats: [
      stat({ id: `${slug}-1`, value: gdp * 1e8, text: `${gdp}亿元` }),
      stat({ id: `${slug}-2`, value: growth, unit: "%", kind: "growth", text: `${growth}%` }),
      stat({
        id: `${slug}-3`,
        value: target,
        unit: "%",
        kind: "target",
        target: true,
        label: "地区生产总值增速",
        text: `${target}%`,
      }),
    ],
    furniture: [],
  });
}

const listings = [
  { digest: report("sj-2024", "上街区", 2024, 320, 5.1, 6), href: "/reports/sj-2024/" },
  { digest: report("sj-2023", "上街区", 2023, 300, 4.2, 6.5), href: "/reports/sj-2023/" },
  { digest: report("eq-2023", "二七区", 2023, 900, 3, 5), href: "/reports/eq-2023/" },
];

describe("buildStats", () => {
  it("gives every stat a row with its report, figure year, indicator and measure", () => {
    const doc = buildStats([{ digest: fixtureDigest, href: "/reports/fixture/" }]);
    expect(doc.rows).toHaveLength(fixtureDigest.stats.length);
    expect(doc.rows[0]).toEqual([
      0,
      2022,
      "地区生产总值",
      "gdp",
      "level",
      "amount",
      0,
      78560000000,
      null,
      "元",
      "s-1",
    ]);
    expect(doc.rows[1]?.slice(3, 5)).toEqual(["gdp", "growth"]);
    // Not a canonical indicator: the row keeps its own label.
    expect(doc.rows[2]?.slice(2, 5)).toEqual(["专精特新企业", null, null]);
    // A target is dated to the report's own year.
    expect(doc.rows[3]?.[1]).toBe(2023);
    expect(doc.indicators.map((i) => i.id)).toEqual(["gdp"]);
  });

  it("views a row in readable form with a link to the figure's anchor", () => {
    const doc = buildStats([{ digest: fixtureDigest, href: "/reports/fixture/" }]);
    const [first, second] = doc.rows;
    if (!first || !second) throw new Error("rows missing");
    const names = indicatorNames(doc);
    expect(viewRow(doc, names, first)).toEqual({
      region: "测试区",
      reportTitle: "测试区政府工作报告",
      reportHref: "/reports/fixture/",
      year: "2022",
      indicator: "地区生产总值",
      label: "",
      kind: "实绩",
      value: "785.6 亿元",
      href: "/reports/fixture/#s-1",
    });
    expect(viewRow(doc, names, second)).toMatchObject({
      indicator: "地区生产总值增速",
      label: "",
      kind: "增速",
      value: "4.2%",
    });
  });
});

describe("facetOptions", () => {
  it("lists every region, indicator, kind and year present, years newest first", () => {
    expect(facetOptions(buildStats(listings))).toEqual({
      region: ["二七区", "上街区"],
      indicator: ["地区生产总值", "地区生产总值增速"],
      kind: ["目标", "实绩", "增速"],
      year: ["2024", "2023", "2022"],
    });
  });
});

describe("collectSeries", () => {
  const doc = buildStats(listings);

  it("builds one series per region, indicator and measure with results and targets by year", () => {
    const series = collectSeries(doc, (r) => r.region === "上街区");
    expect(series.map((s) => `${s.indicator.id}/${s.measure}`)).toEqual(["gdp/level", "gdp/growth"]);
    const [level, growth] = series;
    expect(level?.results.map((p) => [p.year, p.text])).toEqual([
      [2022, "300 亿元"],
      [2023, "320 亿元"],
    ]);
    expect(growth?.results.map((p) => [p.year, p.value])).toEqual([
      [2022, 4.2],
      [2023, 5.1],
    ]);
    expect(growth?.targets.map((p) => [p.year, p.value, p.href])).toEqual([
      [2023, 6.5, "/reports/sj-2023/#sj-2023-3"],
      [2024, 6, "/reports/sj-2024/#sj-2024-3"],
    ]);
    expect(
      yearRows(growth ?? { results: [], targets: [] }).map((r) => [r.year, r.result?.value, r.target?.value]),
    ).toEqual([
      [2022, 4.2, undefined],
      [2023, 5.1, 6.5],
      [2024, undefined, 6],
    ]);
  });

  it("prefers the report that reviews the year over one that mentions it later", () => {
    const late = report("sj-2025", "上街区", 2025, 999, 9, 9);
    // The 2025 report restates 2022's GDP (a label with a written year).
    late.stats[0] = stat({ id: "late", value: 111e8, label: "2022年地区生产总值" });
    const series = collectSeries(buildStats([{ digest: late, href: "/r/late/" }, ...listings]));
    const gdp = series.find((s) => s.region === "上街区" && s.measure === "level");
    expect(gdp?.results.find((p) => p.year === 2022)?.value).toBe(300e8);
  });
});

describe("indexes", () => {
  const doc = buildStats(listings);

  it("lists regions with ASCII slugs and their reports newest first", () => {
    const regions = regionIndex(doc);
    expect(regions.map((r) => [r.name, r.slug])).toEqual([
      ["二七区", "erqiqu"],
      ["上街区", "shangjiequ"],
    ]);
    expect(regions[1]?.reports.map((r) => r.year)).toEqual([2024, 2023]);
  });

  it("collects each topic's sections across reports", () => {
    const topics = topicIndex(listings);
    expect(topics).toHaveLength(1);
    expect(topics[0]?.slug).toBe("jingjifazhan");
    expect(topics[0]?.count).toBe(3);
    expect(topics[0]?.reports.map((r) => r.report.slug)).toEqual(["sj-2024", "sj-2023", "eq-2023"]);
    expect(topics[0]?.reports[0]?.sections[0]?.excerpt.startsWith("地区生产总值320亿元")).toBe(true);
  });

  it("pages the table", () => {
    expect(tablePageCount(0)).toBe(1);
    expect(tablePageCount(401)).toBe(3);
    expect(tablePageHref(1)).toBe("/data/");
    expect(tablePageHref(3)).toBe("/data/3/");
  });
});

describe("slugs", () => {
  it("spells names in toneless pinyin, ASCII only", () => {
    expect(asciiSlug("上街区")).toBe("shangjiequ");
    expect(asciiSlug("民生·社会")).toBe("minshengshehui");
    expect(asciiSlug("GDP 增速")).toMatch(/^[a-z0-9-]+$/);
  });

  it("keeps homophones apart independently of input order", () => {
    const a = slugMap(["市场", "事常", "上街区"]);
    const b = slugMap(["上街区", "事常", "市场"]);
    expect([...a].sort()).toEqual([...b].sort());
    expect(new Set(a.values()).size).toBe(3);
  });
});
