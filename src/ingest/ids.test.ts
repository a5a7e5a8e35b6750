import { describe, expect, it } from "vitest";
import {
  asciiWords,
  blockBaseId,
  fnv1a,
  IdAllocator,
  joinWords,
  sectionBaseId,
  slugFromPath,
} from "./ids.ts";

describe("ids", () => {
  it("section ids are readable pinyin, ≤ 32 chars, cut at a word boundary", () => {
    expect(sectionBaseId("聚焦助企业强实体 经济运行平稳有序")).toBe("ju-jiao-zhu-qi-ye-qiang-shi-ti");
    expect(sectionBaseId("一、2023年工作回顾")).toBe("2023-nian-gong-zuo-hui-gu");
    expect(sectionBaseId("（一）全力促进经济平稳健康发展")).toBe("quan-li-cu-jin-jing-ji-ping-wen");
    for (const h of ["“五个加快”体现经济运行总体稳中向好", "PM2.5浓度下降", "第一部分 总体要求", "！！"]) {
      const id = sectionBaseId(h);
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    expect(joinWords(["zhong", "hua", "ren", "min"], 12)).toBe("zhong-hua");
    expect(asciiWords("5G基站")).toEqual(["5g", "ji", "zhan"]);
  });

  it("ties are broken in order of appearance", () => {
    const a = new IdAllocator();
    expect(["x", "x", "y", "x"].map((b) => a.take(b))).toEqual(["x", "x-2", "y", "x-3"]);
  });

  it("block ids hash the text, ignoring white space", () => {
    expect(blockBaseId("经济 运行\n平稳")).toBe(blockBaseId("经济运行平稳"));
    expect(blockBaseId("经济运行平稳")).toMatch(/^p-[0-9a-z]{7}$/);
    expect(fnv1a("")).toBe(0x811c9dc5);
  });

  it("slugs come from the file name", () => {
    expect(slugFromPath("../shared/seeds/000_18dfbcf94131ceb9.txt")).toBe("000-18dfbcf94131ceb9");
    expect(slugFromPath("/x/city_2024_jianggufan/三亚.txt")).toBe("san-ya");
    expect(slugFromPath("encodings/county/130607_满城_2021.txt")).toBe("130607-man-cheng-2021");
    expect(slugFromPath("2026_内蒙古自治区.md")).toBe("2026-nei-meng-gu-zi-zhi-qu");
  });
});

/** Every id in a digest, keyed by what it names. */
