import { describe, expect, it } from "vitest";
import { statOf } from "../../tests/fixtures/digest.ts";
import {
  annotateFigures,
  canonicalIndicator,
  figureSpan,
  figureYear,
  indicatorById,
  indicators,
  isPlanTarget,
  statMeasure,
} from "./indicators.ts";
import lexicon from "./lexicon/indicators.json" with { type: "json" };
import type { Section, Stat } from "./types.ts";

const id = (label: string | null) => {
  const ind = canonicalIndicator(label);
  return ind ? `${ind.id}/${ind.measure}` : null;
};

describe("indicators.json", () => {
  it("holds 20–40 indicators with unique ASCII ids and names", () => {
    expect(indicators.length).toBeGreaterThanOrEqual(20);
    expect(indicators.length).toBeLessThanOrEqual(40);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    expect(new Set(indicators.map((i) => i.name)).size).toBe(indicators.length);
    for (const ind of indicators) expect(ind.id).toMatch(/^[a-z0-9-]+$/);
  });

  it("names only its own indicators as headline figures", () => {
    expect(lexicon.headline.length).toBeGreaterThan(0);
    for (const id of lexicon.headline) expect(indicatorById(id), id).toBeDefined();
  });

  it("maps every listed variant back to its own indicator", () => {
    for (const ind of lexicon.indicators) {
      for (const variant of ind.variants) expect(canonicalIndicator(variant)?.id, variant).toBe(ind.id);
    }
  });

  it("keeps the three income indicators apart", () => {
    expect(id("城乡居民人均可支配收入")).toBe("disposable-income/level");
    expect(id("居民人均可支配收入")).toBe("disposable-income/level");
    expect(id("城镇居民人均可支配收入")).toBe("urban-income/level");
    expect(id("农村居民人均可支配收入")).toBe("rural-income/level");
    expect(id("农村常住居民人均可支配收入")).toBe("rural-income/level");
  });
});

describe("canonicalIndicator", () => {
  it("matches exact variants", () => {
    expect(id("地区生产总值")).toBe("gdp/level");
    expect(id("GDP")).toBe("gdp/level");
    expect(id("国内生产总值")).toBe("gdp/level");
    expect(id("地方一般公共预算收入")).toBe("fiscal-revenue/level");
    expect(id("社会消费品零售总额")).toBe("retail-sales/level");
    expect(id("规上工业增加值")).toBe("industrial-value-added/level");
    expect(id("城镇新增就业")).toBe("urban-employment/level");
    expect(indicatorById("gdp")?.name).toBe("地区生产总值");
  });

  it("strips region and year prefixes, brackets and full-width letters", () => {
    expect(id("全区生产总值")).toBe("gdp/level");
    expect(id("全市生产总值")).toBe("gdp/level");
    expect(id("全省生产总值")).toBe("gdp/level");
    expect(id("2022年全县生产总值")).toBe("gdp/level");
    expect(id("全区地区生产总值")).toBe("gdp/level");
    expect(id("地区生产总值（GDP）")).toBe("gdp/level");
    expect(id("ＧＤＰ")).toBe("gdp/level");
    expect(id("全年粮食总产量")).toBe("grain-output/level");
    expect(id("实现地区生产总值")).toBe("gdp/level");
    expect(id("增城镇就业")).toBe("urban-employment/level");
  });

  it("accepts a place name before the indicator, preferring the most specific variant", () => {
    expect(id("中原区全年生产总值")).toBe("gdp/level");
    expect(id("郑州市人均生产总值")).toBe("gdp-per-capita/level");
    expect(id("二七区城镇居民人均可支配收入")).toBe("urban-income/level");
    expect(id("滑县生产总值")).toBe("gdp/level");
  });

  it("maps growth labels to measure growth", () => {
    expect(id("地区生产总值增速")).toBe("gdp/growth");
    expect(id("GDP增长")).toBe("gdp/growth");
    expect(id("城乡居民人均可支配收入增速")).toBe("disposable-income/growth");
    expect(id("全社会研发投入经费增速")).toBe("rd-spending/growth");
    expect(id("进出口总额同比增长")).toBe("trade/growth");
    expect(id("居民消费价格涨幅")).toBe("cpi/growth");
    expect(canonicalIndicator("地区生产总值增速")?.name).toBe("地区生产总值");
  });

  it("strips level suffixes", () => {
    expect(id("地区生产总值总量")).toBe("gdp/level");
    expect(id("固定资产投资规模")).toBe("fixed-investment/level");
  });

  it("maps only true synonyms", () => {
    expect(id("财政收入")).toBeNull();
    expect(id("财政总收入")).toBeNull();
    expect(id("工业增加值")).toBeNull();
    expect(id("城镇固定资产投资")).toBeNull();
    expect(id("规上工业企业亩均税收")).toBeNull();
    expect(id("重点项目完成投资")).toBeNull();
    expect(id("白名单企业（项目）")).toBeNull();
    expect(id(null)).toBeNull();
    expect(id("")).toBeNull();
  });
});

describe("figureYear", () => {
  const stat = (over: Partial<Stat> = {}): Stat => ({
    id: "s1",
    text: "785.6亿元",
    value: 78_560_000_000,
    unit: "元",
    label: "地区生产总值",
    kind: "amount",
    blockId: "b1",
    start: 0,
    ...over,
  });

  it("dates review results to the year before the report and targets to the report year", () => {
    expect(figureYear(2023, stat(), "review")).toBe(2022);
    expect(figureYear(2023, stat({ kind: "target" }), "review")).toBe(2023);
    expect(figureYear(2023, stat({ kind: "growth", target: true }), "plan")).toBe(2023);
    expect(figureYear(2023, stat(), "plan")).toBe(2023);
  });

  it("treats figures of unknown mode as results and needs a report year", () => {
    expect(figureYear(2023, stat(), undefined)).toBe(2022);
    expect(figureYear(undefined, stat(), "review")).toBeUndefined();
  });

  it("prefers a plausible year written in the label", () => {
    expect(figureYear(2023, stat({ label: "2021年地区生产总值" }), "review")).toBe(2021);
    expect(figureYear(2023, stat({ label: "1949年粮食产量" }), "review")).toBe(2022);
  });
});

describe("figures over several years and goals in a plan (issue #16)", () => {
  it("a five-year total or an average over years covers a span, never one year", () => {
    expect(figureSpan(2023, "过去五年，全市累计完成固定资产投资", "review")).toEqual({
      from: 2018,
      to: 2022,
    });
    expect(figureSpan(2023, "地区生产总值年均增长", "review")).toEqual({ from: 2018, to: 2022 });
    expect(figureSpan(2023, "近三年累计，单位国内生产总值能耗下降", "review")).toEqual({
      from: 2020,
      to: 2022,
    });
    expect(figureSpan(2026, "今后五年，地区生产总值年均增长", "plan")).toEqual({ from: 2026, to: 2030 });
    expect(figureSpan(2023, "全年地区生产总值增长", "review")).toBeUndefined();
  });

  it("a figure in a plan section is a goal unless its sentence looks back", () => {
    expect(isPlanTarget("全省在建高速公路达到", "plan")).toBe(true);
    expect(isPlanTarget("去年我们新建学校", "plan")).toBe(false);
    expect(isPlanTarget("全省在建高速公路达到", "review")).toBe(false);
  });

  it("annotates: a span takes the place of a year and keeps the figure out of the yearly series", () => {
    const text = "过去五年，地区生产总值年均增长6.2%。";
    const stat: Stat = {
      id: "s1",
      text: "6.2%",
      value: 6.2,
      unit: "%",
      label: "地区生产总值",
      kind: "growth",
      blockId: "b1",
      start: text.indexOf("6.2%"),
    };
    const sections: Section[] = [
      {
        id: "a",
        heading: "过去五年工作回顾",
        level: 1,
        mode: "review",
        blocks: [{ id: "b1", type: "paragraph", text }],
      },
    ];
    const [out] = annotateFigures([stat], sections, 2023);
    expect(out).toMatchObject({ indicator: "gdp", span: { from: 2018, to: 2022 } });
    expect(out?.year).toBeUndefined();
    expect(out?.measure).toBeUndefined();
  });
});

describe("statMeasure", () => {
  const stat = statOf;

  it("reads growth from the label, the kind or a percentage of a non-percentage indicator", () => {
    expect(statMeasure(stat({}), "元", "level")).toBe("level");
    expect(statMeasure(stat({ unit: "%" }), "元", "growth")).toBe("growth");
    expect(statMeasure(stat({ unit: "%", kind: "growth" }), "元", "level")).toBe("growth");
    expect(statMeasure(stat({ unit: "%", kind: "target" }), "元", "level")).toBe("growth");
    expect(statMeasure(stat({ unit: "%" }), "%", "level")).toBe("level");
  });

  it("leaves shares, ranks and unit mismatches out of the indicator", () => {
    expect(statMeasure(stat({ unit: "%", kind: "share" }), "元", "level")).toBeNull();
    expect(statMeasure(stat({ unit: "名", kind: "rank" }), "元", "level")).toBeNull();
    expect(statMeasure(stat({ unit: "家" }), "元", "level")).toBeNull();
    expect(statMeasure(stat({ unit: "元", kind: "growth" }), "元", "level")).toBeNull();
  });
});
