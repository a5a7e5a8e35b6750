import { describe, expect, it } from "vitest";
import { LONG_LINE, segmentLines, splitLongLine } from "./segment.ts";

describe("segmentLines", () => {
  it("keeps source line numbers, also for lines made from literal escapes", () => {
    const lines = segmentLines("政府工作报告\\r\\n各位代表：\n\n一、工作回顾", 5);
    expect(lines).toEqual([
      { text: "政府工作报告", line: 5 },
      { text: "各位代表：", line: 5 },
      { text: "", line: 6 },
      { text: "一、工作回顾", line: 7 },
    ]);
  });

  it("cuts a report with no line breaks at headings and sentences (city_2024 枣庄, one line)", () => {
    const para =
      "2023 年是枣庄发展史上具有里程碑意义的一年，在全市深 入开展学习贯彻习近平新时代中国特色社会主义思想主题教 育。";
    const one = `各位代表： 现在，我代表市人民政府向大会报告工作，请予审议。 一、2023年工作回顾 ${para.repeat(120)}`;
    expect(one.length).toBeGreaterThan(LONG_LINE);
    const pieces = segmentLines(one).map((l) => l.text);
    expect(pieces[0]).toBe("各位代表：现在，我代表市人民政府向大会报告工作，请予审议。");
    expect(pieces[1]).toBe("一、2023年工作回顾");
    expect(pieces[2]?.startsWith("2023 年是枣庄发展史上具有里程碑意义的一年，在全市深入开展")).toBe(true);
    expect(pieces.every((p) => p.length <= LONG_LINE)).toBe(true);
    expect(pieces.join("").replace(/\s/g, "")).toBe(one.replace(/\s/g, ""));
  });

  it("splits text without any sentence end at a fixed width", () => {
    const pieces = splitLongLine("经济运行平稳，".repeat(2000));
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((p) => p.length <= LONG_LINE)).toBe(true);
  });
});
