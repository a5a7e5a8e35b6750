import { describe, expect, it } from "vitest";
import { figureScope } from "./figure-scope.ts";
import { parseText } from "./testing.ts";

const report = (body: string) => `---\nregion: 测试区\nyear: 2023\n---\n\n${body}\n`;
/** The scope ingest stored on the figure written `text` in a report of 2023 with this body. */
const scopeOf = (body: string, text: string) => {
  const stat = parseText(report(body)).stats.find((s) => s.text === text);
  if (!stat) throw new Error(`no figure ${text}`);
  return { bound: stat.bound, decline: stat.decline, multiYear: stat.multiYear };
};

describe("figure scope", () => {
  it("reads the bound after or before a figure", () => {
    expect(scopeOf("今年主要预期目标是：地区生产总值增长6%左右。", "6%").bound).toBe("about");
    expect(scopeOf("今年预期目标：固定资产投资增长10%以上。", "10%").bound).toBe("min");
    expect(scopeOf("今年预期目标：城镇调查失业率控制在5.5%以内。", "5.5%").bound).toBe("max");
    expect(scopeOf("今年预期目标：粮食产量不低于100万吨。", "100万吨").bound).toBe("min");
    expect(scopeOf("今年预期目标：居民消费价格涨幅不高于3%。", "3%").bound).toBe("max");
    expect(scopeOf("去年地区生产总值增长5.2%。", "5.2%").bound).toBeUndefined();
  });

  it("marks a growth figure stated as a fall", () => {
    expect(scopeOf("去年单位地区生产总值能耗下降3.5%。", "3.5%").decline).toBe(true);
    expect(scopeOf("去年地区生产总值增长5.2%。", "5.2%").decline).toBeUndefined();
  });

  it("marks five-year totals, yearly averages and plans for a later year as several years", () => {
    expect(scopeOf("过去五年，地区生产总值年均增长7.1%。", "7.1%").multiYear).toBe(true);
    expect(scopeOf("“十四五”期间，累计完成固定资产投资1200亿元。", "1200亿元").multiYear).toBe(true);
    expect(scopeOf("2018—2022年，地区生产总值累计增长30%。", "30%").multiYear).toBe(true);
    expect(scopeOf("2018年以来，新增城镇就业累计5万人。", "5万人").multiYear).toBe(true);
    expect(scopeOf("力争到2025年，地区生产总值达到1000亿元。", "1000亿元").multiYear).toBe(true);
    // One year's figures, even beside a clause that names a period.
    expect(scopeOf("过去五年成绩显著。去年地区生产总值增长5.2%。", "5.2%").multiYear).toBeUndefined();
    expect(scopeOf("今年以来，社会消费品零售总额增长8%。", "8%").multiYear).toBeUndefined();
    expect(scopeOf("地区生产总值比2021年增长4%。", "4%").multiYear).toBeUndefined();
  });

  it("reads only the figure's own clause", () => {
    const text = "五年累计投资500亿元；今年增长6%左右";
    const stat = {
      id: "s",
      text: "6%",
      value: 6,
      unit: "%",
      label: null,
      kind: "growth" as const,
      blockId: "b",
      start: text.indexOf("6%"),
    };
    expect(figureScope(stat, text, 2023)).toEqual({ bound: "about" });
  });
});
