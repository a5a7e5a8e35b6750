import { describe, expect, it } from "vitest";
import { parseText } from "../ingest/testing.ts";
import { alignSections, changeText, compareReports, diffSentences, sentences } from "./compare.ts";

const report = (year: number, body: string) =>
  parseText(`---\nregion: 测试区\nyear: ${year}\nkind: 政府工作报告\n---\n\n${body}\n`);

const a = report(
  2022,
  [
    "一、2021年工作回顾",
    "",
    "全区地区生产总值完成700亿元，增长5%。一般公共预算收入完成40亿元。新建公园3个。",
    "",
    "二、2022年工作安排",
    "",
    "今年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。",
    "",
    "三、加强政府自身建设",
    "",
    "坚持依法行政。",
  ].join("\n"),
);
const b = report(
  2023,
  [
    "一、2022年工作回顾",
    "",
    "全区地区生产总值完成735亿元，增长4.5%。一般公共预算收入完成40亿元。新建公园5个。",
    "",
    "二、2023年工作安排",
    "",
    "今年主要预期目标是：地区生产总值增长5.5%左右，社会消费品零售总额增长6%。",
    "",
    "三、推进乡村振兴",
    "",
    "实施农村人居环境整治。",
    "",
    "四、加强政府自身建设",
    "",
    "坚持依法行政。",
  ].join("\n"),
);

describe("diffSentences", () => {
  it("keeps equal sentences, pairs re-worded ones, and lists the rest on their side", () => {
    expect(sentences("一是甲。二是乙；三是丙")).toEqual(["一是甲。", "二是乙；", "三是丙"]);
    expect(
      diffSentences(
        "坚持依法行政。全区新建公园3个。推进老旧小区改造。",
        "坚持依法行政。全区新建公园5个。实施农村人居环境整治。",
      ),
    ).toEqual([
      { op: "same", text: "坚持依法行政。" },
      { op: "changed", a: "全区新建公园3个。", b: "全区新建公园5个。" },
      { op: "removed", a: "推进老旧小区改造。" },
      { op: "added", b: "实施农村人居环境整治。" },
    ]);
  });
  it("gives every sentence of both sides exactly once", () => {
    const x = "甲乙丙。丁戊己。庚辛壬。";
    const y = "丁戊己。子丑寅。甲乙丙。";
    const ops = diffSentences(x, y);
    const left = ops.flatMap((o) => (o.op === "same" ? [o.text] : o.op === "added" ? [] : [o.a]));
    const right = ops.flatMap((o) => (o.op === "same" ? [o.text] : o.op === "removed" ? [] : [o.b]));
    expect(left.join("")).toBe(x);
    expect(right.join("")).toBe(y);
  });
});

it("diffs very long sections coarsely, quickly, still giving every sentence", () => {
  const many = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => `第${i}条${tag}内容。`).join("");
  const t = performance.now();
  const ops = diffSentences(many(600, "甲"), `${many(300, "甲")}${many(600, "乙")}`);
  expect(performance.now() - t).toBeLessThan(2000);
  expect(ops.filter((o) => o.op === "same")).toHaveLength(300);
  expect(ops.filter((o) => o.op === "removed")).toHaveLength(300);
  expect(ops.filter((o) => o.op === "added")).toHaveLength(600);
});

describe("alignSections", () => {
  it("pairs sections by heading without their numbers and years, and keeps the unpaired apart", () => {
    const pairs = alignSections(a, b);
    const shown = pairs.map((p) =>
      p.kind === "paired"
        ? `${p.a.heading} = ${p.b.heading}`
        : p.kind === "only-a"
          ? `A ${p.a.heading}`
          : `B ${p.b.heading}`,
    );
    expect(shown).toEqual([
      "一、2021年工作回顾 = 一、2022年工作回顾",
      "二、2022年工作安排 = 二、2023年工作安排",
      "B 三、推进乡村振兴",
      "三、加强政府自身建设 = 四、加强政府自身建设",
    ]);
    const same = pairs.find((p) => p.kind === "paired" && p.b.heading.includes("自身建设"));
    expect(same?.kind === "paired" && same.diff).toEqual([{ op: "same", text: "坚持依法行政。" }]);
  });
});

describe("compareReports", () => {
  const c = compareReports(a, b, ["gdp", "fiscal-revenue"]);
  it("puts each indicator's result side by side with the change", () => {
    const gdp = c.figures.find((f) => f.key === "gdp:level");
    expect(gdp?.a?.value).toBe(70_000_000_000);
    expect(gdp?.b?.value).toBe(73_500_000_000);
    expect(gdp?.change).toBe(3_500_000_000);
    expect(gdp?.changePercent).toBe(5);
    const growth = c.figures.find((f) => f.key === "gdp:growth");
    expect(growth?.change).toBe(-0.5);
    expect(growth?.changePercent).toBeNull();
    expect(c.figures.find((f) => f.key === "fiscal-revenue:level")?.change).toBe(0);
    expect(c.figures[0]?.indicator).toBe("gdp");
    expect(changeText(gdp as NonNullable<typeof gdp>)).toBe("+35 亿元（+5%）");
    expect(changeText(growth as NonNullable<typeof growth>)).toBe("−0.5 个百分点");
    expect(changeText(c.figures.find((f) => f.key === "fiscal-revenue:level") as never)).toBe("持平");
  });
  it("lists targets new in B, dropped from A and kept", () => {
    expect(c.targetsNew.map((t) => t.key)).toEqual(["retail-sales:growth"]);
    expect(c.targetsDropped.map((t) => t.key)).toEqual(["fiscal-revenue:growth"]);
    expect(c.targetsKept.map((t) => [t.key, t.a?.value, t.b?.value])).toEqual([["gdp:growth", 6, 5.5]]);
  });
  it("never counts a five-year figure as a year's result", () => {
    const five = report(2023, "过去五年，地区生产总值年均增长7.1%。\n\n去年地区生产总值增长4.5%。");
    const r = compareReports(a, five).figures.find((f) => f.key === "gdp:growth");
    expect(r?.b?.value).toBe(4.5);
  });
});
