import { describe, expect, it } from "vitest";
import { keyIdCounts, keyOfId, shardOf, termKeys } from "./tokens.ts";

/** The keys of a text as strings, with their counts. */
const keyCounts = (text: string) => new Map([...keyIdCounts(text)].map(([id, n]) => [keyOfId(id), n]));

describe("keyIdCounts", () => {
  it("indexes characters, character pairs and figures with their counts", () => {
    const keys = keyCounts("营商环境，营商环境；增长5.2%，GDP");
    expect(keys.get("营商")).toBe(2);
    expect(keys.get("环")).toBe(2);
    expect(keys.get("5.2%")).toBe(1);
    expect(keys.get("5.2")).toBe(1);
    expect(keys.get("gdp")).toBe(1);
    expect(keys.has("境，")).toBe(false);
  });
});

describe("termKeys", () => {
  it("asks for every character pair of a Chinese term, one character for a one-character term", () => {
    expect(termKeys("营商环境")).toEqual(["营商", "商环", "环境"]);
    expect(termKeys("碳")).toEqual(["碳"]);
  });
  it("asks for figures as whole tokens", () => {
    expect(termKeys("785.6亿元")).toEqual(["亿元", "785.6"]);
    expect(termKeys("12")).toEqual(["12"]);
  });
  it("asks only for keys a section holding the term must have", () => {
    const text = "全区地区生产总值完成785.6亿元，增长4.2%";
    for (const term of ["生产总值", "785.6亿元", "4.2%", "4.2", "区"]) {
      const keys = keyCounts(text);
      expect(
        termKeys(term).every((k) => keys.has(k)),
        term,
      ).toBe(true);
    }
  });
});

describe("shardOf", () => {
  it("spreads keys over shards deterministically", () => {
    expect(shardOf("营商", 7)).toBe(shardOf("营商", 7));
    const used = new Set(
      ["营商", "环境", "发展", "gdp", "5.2%", "亿元", "碳", "港"].map((k) => shardOf(k, 4)),
    );
    expect(used.size).toBeGreaterThan(1);
  });
});
