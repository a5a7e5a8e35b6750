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

describe("wrap spaces", () => {
  const wrapped = [
    "政府工作报告",
    "国务院总理 温家宝",
    "过去的一年，国内生产总值比上年增 长9.1%，达到11.67万亿元；按现行汇率计算，人均国内生产 总值突破1000美元。",
    "全国财政收入达到2.17万亿元，比上年增加2787亿元，进出口总额 比上年增长37.1%。",
    // The rest of such a file: every paragraph carries its print wraps.
    ...Array.from(
      { length: 12 },
      (_, i) => `第${i + 1}项工作全面推进，重点项目建设 进展顺利，民生保障水平持续提 高，社会大局和谐稳定。`,
    ),
  ];

  it("drops print line breaks left as spaces between Han characters in a file full of them (national_dxcarl 2004)", () => {
    const texts = segmentLines(wrapped.join("\n")).map((l) => l.text);
    expect(texts[2]).toContain("比上年增长9.1%");
    expect(texts[2]).toContain("人均国内生产总值");
    expect(texts[3]).toContain("进出口总额比上年");
    // Short lines keep their spaces: a byline's space separates role and name.
    expect(texts[1]).toBe("国务院总理 温家宝");
  });

  it("keeps a meant space where such spaces are rare (“中共中央 国务院”)", () => {
    const meant = `《中共中央 国务院关于中医药传承创新发展的意见》为中医药发展指明了方向。${"全年地区生产总值增长6.5%，城乡居民收入稳步增加。".repeat(20)}`;
    expect(segmentLines(meant)[0]?.text).toContain("中共中央 国务院");
  });
});
