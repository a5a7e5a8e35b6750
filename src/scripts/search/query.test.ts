import { describe, expect, it } from "vitest";
import { normalize } from "../../shared/search-normalize.ts";
import { parseQuery, synonymsOf } from "./query.ts";

describe("normalize", () => {
  it("folds full-width forms, spaces and Latin case", () => {
    expect(normalize("  ５．２％  GDP\u200b增长 ")).toBe("5.2% gdp增长");
  });
});

describe("parseQuery", () => {
  it("splits words on spaces and attaches synonyms from the lexicon", () => {
    const q = parseQuery("GDP  营商环境");
    expect(q.exact).toBe(false);
    expect(q.terms.map((t) => t.text)).toEqual(["gdp", "营商环境"]);
    expect(q.terms[0]?.alternatives).toContain("地区生产总值");
    expect(q.terms[0]?.alternatives[0]).toBe("gdp");
  });

  it("treats a quoted query (ASCII or Chinese quotes) as one exact phrase without synonyms", () => {
    for (const raw of ['"国际陆港"', "“国际陆港”", "「国际陆港」"]) {
      const q = parseQuery(raw);
      expect(q.exact).toBe(true);
      expect(q.terms).toEqual([{ text: "国际陆港", alternatives: ["国际陆港"] }]);
    }
  });

  it("keeps a quoted phrase with inner punctuation whole", () => {
    expect(parseQuery("“小而精、小而美”").terms[0]?.text).toBe("小而精、小而美");
  });

  it("has no terms for an empty query", () => {
    expect(parseQuery("   ").terms).toEqual([]);
  });
});

describe("synonymsOf", () => {
  it("returns the word itself first, then its group", () => {
    const s = synonymsOf("社零");
    expect(s[0]).toBe("社零");
    expect(s).toContain("社会消费品零售总额");
  });
  it("returns only the word when it has no synonyms", () => {
    expect(synonymsOf("凯思达")).toEqual(["凯思达"]);
  });
});
