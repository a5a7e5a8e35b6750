import { describe, expect, it } from "vitest";
import { matchRanges, normalizeWithMap, occurrences, termCount, tierOf, wordsOfTerm } from "./match.ts";
import { parseQuery } from "./query.ts";

describe("occurrences", () => {
  it("finds figures only as whole figures", () => {
    expect(occurrences("新增12家，共120家", "12")).toEqual([2]);
    expect(occurrences("增长15.2%，另一项5.2%", "5.2%")).toEqual([11]);
    expect(occurrences("增长5.25%", "5.2")).toEqual([]);
    expect(occurrences("完成785.6亿元", "785.6亿元")).toEqual([2]);
  });
  it("finds words anywhere, including inside longer words", () => {
    expect(occurrences("综合示范区建设", "示范区")).toEqual([2]);
  });
});

describe("tierOf", () => {
  const text = "国家通航产业综合示范区建设稳步推进，新能源和汽车产业加快发展";
  it("is exact when every term (or a synonym) stands whole in the text", () => {
    expect(tierOf(text, parseQuery("示范区"))).toBe("exact");
    expect(tierOf(text, parseQuery("通航 示范区"))).toBe("exact");
    expect(tierOf("全区地区生产总值完成785.6亿元", parseQuery("GDP"))).toBe("exact");
  });
  it("is words when every multi-character word of a term is there but not the whole term", () => {
    expect(tierOf("能源结构调整，汽车产业", parseQuery("新能源汽车"))).toBe("words");
  });
  it("is partial when only characters or some words are there", () => {
    expect(tierOf("示范城市创建，全区", parseQuery("示范区"))).toBe("partial");
    expect(tierOf(text, parseQuery("通航 量子"))).toBe("partial");
    expect(tierOf("能源结构调整，汽车产业", parseQuery('"新能源汽车"'))).toBe("partial");
  });
});

describe("wordsOfTerm", () => {
  it("names only words of two or more characters, and only when there are two or more", () => {
    expect(wordsOfTerm("新能源汽车")).toEqual(["能源", "汽车"]);
    expect(wordsOfTerm("示范区")).toEqual([]);
  });
});

describe("termCount", () => {
  it("counts overlapping synonyms once per place", () => {
    const [term] = parseQuery("社零").terms;
    expect(term && termCount("社会消费品零售总额增长，社零总额创新高", term)).toBe(2);
  });
});

describe("matchRanges", () => {
  it("marks whole terms, never their single characters", () => {
    const text = "营商环境持续优化，营造良好环境";
    expect(matchRanges(text, parseQuery("营商环境"))).toEqual([{ start: 0, end: 4 }]);
  });
  it("merges overlapping marks", () => {
    expect(matchRanges("专精特新企业", parseQuery("专精特新 特新企业"))).toEqual([{ start: 0, end: 6 }]);
  });
});

describe("normalizeWithMap", () => {
  it("maps normalised offsets back to the raw text", () => {
    const raw = "增长５．２％。";
    const { text, offsets } = normalizeWithMap(raw);
    expect(text).toBe("增长5.2%。");
    const [r] = matchRanges(text, parseQuery("5.2%"));
    expect(r && raw.slice(offsets[r.start], offsets[r.end])).toBe("５．２％");
  });
});
