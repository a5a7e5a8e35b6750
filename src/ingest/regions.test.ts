import { describe, expect, it } from "vitest";
import { dominantRegion, isNationalOccasion, regionInFileName, regionInTitle } from "./regions.ts";

describe("regions", () => {
  it("takes the most specific real place a title names", () => {
    expect(regionInTitle("保定市满城区2021年政府工作报告")).toBe("满城区");
    expect(regionInTitle("2026年江西省政府工作报告")).toBe("江西省");
    expect(regionInTitle("中原区召开区委十二届三次全体(扩大)会议暨区委经济工作会议")).toBe("中原区");
    expect(regionInTitle("2022 稳中求进 难中求成 经济社会保持平稳健康发展")).toBeUndefined();
  });

  it("never takes words that only look like place names", () => {
    expect(regionInTitle("保持经济运行在合理区间")).toBeUndefined();
    expect(dominantRegion("棚户区改造。棚户区改造。棚户区改造。设区市。设区市。设区市。")).toBeUndefined();
  });

  it("reads places from file names, county short names included", () => {
    expect(regionInFileName("三亚")).toBe("三亚市");
    expect(regionInFileName("130608_清苑_2024")).toBe("清苑区");
    expect(regionInFileName("2012")).toBeUndefined();
  });

  it("finds the place a text is about, preferring the larger unit on a tie", () => {
    const text = "十堰市经济。十堰综合实力。竹山县、竹溪县、房县。建设十堰。";
    expect(dominantRegion(text)).toBe("十堰市");
    expect(dominantRegion("上街区。上街区。一次提到郑州市。")).toBeUndefined();
    expect(dominantRegion("上街区。上街区。上街区。郑州市。")).toBe("上街区");
  });

  it("knows national occasions", () => {
    expect(isNationalOccasion("2009年国务院政府工作报告")).toBe(true);
    expect(isNationalOccasion("在第十二届全国人民代表大会第二次会议上")).toBe(true);
    expect(isNationalOccasion("在上街区第十六届人民代表大会第三次会议上")).toBe(false);
  });
});
