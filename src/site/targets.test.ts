import { describe, expect, it } from "vitest";
import { parseText } from "../ingest/testing.ts";
import { reportRef } from "./data.ts";
import { judge, trackTargets } from "./targets.ts";

const listing = (slug: string, region: string, year: number, body: string) => {
  const digest = parseText(
    `---\nregion: ${region}\nyear: ${year}\nkind: 政府工作报告\n---\n\n${body}\n`,
    `${slug}.txt`,
  );
  return { digest, ref: reportRef({ digest, href: `/reports/${slug}/` }) };
};

const y2022 = listing(
  "t22",
  "测试区",
  2022,
  [
    "一、2021年工作回顾",
    "",
    "过去五年，地区生产总值年均增长7.1%。",
    "",
    "二、2022年主要目标",
    "",
    "今年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%以上，社会消费品零售总额增长8%-9%，城镇调查失业率控制在5.5%以内，全社会研发投入增长10%。",
  ].join("\n"),
);
const y2023 = listing(
  "t23",
  "测试区",
  2023,
  [
    "一、2022年工作回顾",
    "",
    "过去五年，地区生产总值年均增长6.8%。去年地区生产总值增长5.6%，一般公共预算收入增长4%，社会消费品零售总额增长8.5%，城镇调查失业率5.2%。",
    "",
    "二、2023年主要目标",
    "",
    "今年主要预期目标是：地区生产总值增长6%左右。",
  ].join("\n"),
);
const rows = trackTargets([y2023, y2022]);
const row = (name: string, year = 2022) => rows.find((r) => r.name === name && r.year === year);

describe("trackTargets", () => {
  it("pairs each target of 2022 with the 2023 report's result for 2022", () => {
    expect(row("地区生产总值增速")).toMatchObject({
      region: "测试区",
      target: { text: "6%", bound: "about" },
      result: { text: "5.6%", value: 5.6 },
      verdict: "达成",
    });
    expect(row("地区生产总值增速")?.rule).toContain("0.5 个百分点");
  });
  it("judges 以上, ranges and ceilings", () => {
    expect(row("一般公共预算收入增速")?.verdict).toBe("未达成");
    expect(row("一般公共预算收入增速")?.rule).toBe("实绩不低于 5% 即达成");
    expect(row("社会消费品零售总额增速")?.verdict).toBe("达成");
    expect(row("城镇调查失业率")?.verdict).toBe("达成");
    expect(row("城镇调查失业率")?.rule).toBe("实绩不高于 5.5% 即达成");
  });
  it("says 无数据 and why when the next report has no result or there is no next report", () => {
    expect(row("研发经费投入增速")).toMatchObject({ verdict: "无数据", result: null });
    expect(row("研发经费投入增速")?.rule).toContain("未报告");
    expect(row("地区生产总值增速", 2023)).toMatchObject({
      verdict: "无数据",
      rule: "尚无 测试区 2024 年的报告",
    });
  });
  it("never takes a five-year figure as a year's result", () => {
    const onlyFive = listing(
      "f23",
      "测试区",
      2023,
      "一、2022年工作回顾\n\n过去五年，地区生产总值年均增长6.8%。",
    );
    const r = trackTargets([y2022, onlyFive]).find((t) => t.name === "地区生产总值增速" && t.year === 2022);
    expect(r).toMatchObject({ verdict: "无数据", result: null });
  });
  it("keeps regions apart", () => {
    const other = listing("o23", "别区", 2023, "一、2022年工作回顾\n\n去年地区生产总值增长9%。");
    const r = trackTargets([y2022, other]).find((t) => t.name === "地区生产总值增速" && t.year === 2022);
    expect(r?.verdict).toBe("无数据");
  });
});

describe("judge", () => {
  const t = (value: number, over: Partial<Parameters<typeof judge>[0]> = {}) => ({
    value,
    valueMax: null,
    unit: "%",
    bound: null,
    decline: false,
    ceiling: false,
    ...over,
  });
  const r = (value: number, unit = "%") => ({ value, unit });
  it("a fall is met by falling at least as far", () => {
    expect(judge(t(-3, { decline: true }), r(-3.5)).verdict).toBe("达成");
    expect(judge(t(-3, { decline: true }), r(-2)).verdict).toBe("未达成");
  });
  it("左右 on a level allows 5% of the target", () => {
    expect(judge(t(100, { unit: "亿元", bound: "about" }), r(95.5, "亿元")).verdict).toBe("达成");
    expect(judge(t(100, { unit: "亿元", bound: "about" }), r(94, "亿元")).verdict).toBe("未达成");
  });
  it("a price or unemployment target is a ceiling, 左右 or not", () => {
    expect(judge(t(3, { bound: "about", ceiling: true }), r(2)).verdict).toBe("达成");
    expect(judge(t(3, { bound: "about", ceiling: true }), r(3.4)).verdict).toBe("达成");
    expect(judge(t(3, { bound: "about", ceiling: true }), r(3.6))).toEqual({
      verdict: "未达成",
      rule: "实绩不高于 3.5% 即达成（“左右”允许差 0.5 个百分点）",
    });
  });
  it("cannot compare figures in different units", () => {
    expect(judge(t(6), r(6, "元")).verdict).toBe("无数据");
  });
});
