import { describe, expect, it } from "vitest";
import { parseReport } from "./index.ts";

const parse = (text: string, path = "content/reports/黔南.txt") =>
  parseReport({ bytes: new TextEncoder().encode(text), path });

const BODY = [
  "各位代表：",
  "现在，我代表州人民政府向大会报告工作，请予审议。",
  "一、2023年工作回顾",
  "全州地区生产总值增长5.1%。其中8家、71家企业获评。",
  "二、2024年工作安排",
  "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。",
].join("\n");

describe("doubts", () => {
  it("names file and line for a figure with no indicator label", () => {
    const { warnings } = parse(BODY);
    expect(
      warnings.some((w) => /^content\/reports\/黔南\.txt:4: figure "8家" has no indicator label/u.test(w)),
    ).toBe(true);
  });

  it("names file and line for a figure whose label would be a piece of its sentence", () => {
    const { digest, warnings } = parse(`${BODY}\n比上年增长8.2%。`);
    const stat = digest.stats.find((s) => s.text === "8.2%");
    expect(stat).toMatchObject({ label: null, labelFragment: "比上年增长" });
    expect(warnings).toContain(
      'content/reports/黔南.txt:7: figure "8.2%" has only a piece of its sentence for a label ("比上年增长", opens mid-sentence); name the indicator in the sentence',
    );
    expect(warnings.some((w) => w.includes('figure "8.2%" has no indicator label'))).toBe(false);
  });

  it("warns where the front matter's region is not the one the text reports for", () => {
    const { digest, warnings } = parse(`---\nregion: 贵阳市\n---\n${BODY}`);
    expect(digest.meta.region).toBe("贵阳市");
    expect(warnings).toContain(
      'content/reports/黔南.txt: front matter says region "贵阳市" but the text reports for 黔南布依族苗族自治州; check which is right',
    );
  });

  it("warns where the file name names another region than the text", () => {
    const { warnings } = parse(
      BODY.replace("州人民政府", "清苑县人民政府"),
      "content/reports/130608_安国_2008.txt",
    );
    expect(
      warnings.some((w) => w.includes("the file name names 安国市 but the text reports for 清苑县")),
    ).toBe(true);
  });

  it("warns when no title is found", () => {
    const { warnings } = parse("全区地区生产总值增长5.1%，城乡居民收入稳步增加。");
    expect(warnings.some((w) => w.endsWith('no title found; add "title:" to the front matter'))).toBe(true);
  });
});
