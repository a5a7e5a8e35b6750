import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayText, indexText, queryPieces } from "./search-text.ts";

describe("indexText", () => {
  it("writes Chinese as overlapping pairs, each run closed by its last character", () => {
    expect(indexText("营商环境")).toBe("营商 商环 环境 境");
    expect(indexText("低碳。")).toBe("低碳 碳 。");
  });

  it("keeps figures and Latin words whole, and other characters apart", () => {
    expect(indexText("实现785.6亿元，增长4.2%")).toBe("实现 现 785.6 亿元 元 ， 增长 长 4.2 %");
    expect(indexText("GDP增长")).toBe("GDP 增长 长");
  });

  it("reads full-width figures as ASCII", () => {
    expect(indexText("增长５．２％")).toBe("增长 长 5.2 %");
  });

  it("marks a space of the text as a word of its own", () => {
    expect(indexText("GDP 增长")).toBe("GDP \u2420 增长 长");
  });
});

describe("displayText", () => {
  it("gives back the text (spaces collapsed, full-width figures as ASCII)", () => {
    expect(displayText(indexText("全年地区生产总值 GDP 实现785.6亿元。"))).toBe(
      "全年地区生产总值 GDP 实现785.6亿元。",
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."营商环境𠀋 aB12.%，。“”\n\u2420") }), (text) => {
        // Pagefind collapses runs of whitespace in the text it stores.
        const stored = indexText(text).replace(/\s+/g, " ");
        expect(displayText(stored)).toBe(text.replaceAll("\u2420", " ").replace(/\s+/g, " ").trim());
      }),
    );
  });
});

describe("queryPieces", () => {
  it("asks for a term's pairs at consecutive positions", () => {
    expect(queryPieces("营商环境")).toEqual([{ words: ["营商", "商环", "环境"], prefix: false }]);
  });

  it("asks for a single character as the start of any word", () => {
    expect(queryPieces("碳")).toEqual([{ words: ["碳"], prefix: true }]);
  });

  it("splits where punctuation or % stands, and closes a run that a figure follows", () => {
    expect(queryPieces("小而精、小而美")).toEqual([
      { words: ["小而", "而精"], prefix: false },
      { words: ["小而", "而美"], prefix: false },
    ]);
    expect(queryPieces("增长5.2%")).toEqual([{ words: ["增长", "长", "5.2"], prefix: false }]);
    expect(queryPieces("785.6亿元")).toEqual([{ words: ["785.6", "亿元"], prefix: false }]);
    expect(queryPieces("GDP")).toEqual([{ words: ["gdp"], prefix: false }]);
  });

  it("leaves a last single character to the text check (it may go on in the text)", () => {
    expect(queryPieces("48天")).toEqual([{ words: ["48"], prefix: false }]);
  });

  it("finds, with a quoted search of its words, any text that holds the term", () => {
    // Figures and Latin words are whole words: a term cut out of one (12 of 120) is not asked for.
    const alnum = (c = "") => /[a-z0-9.]/i.test(c);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."营商环境低碳 a1.%，"), minLength: 1 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const start = a % text.length;
          const end = start + 1 + (b % (text.length - start));
          const term = text.slice(start, end);
          if (alnum(text[start - 1]) && alnum(text[start])) return;
          if (alnum(text[end - 1]) && alnum(text[end])) return;
          const words = indexText(text).split(" ");
          for (const piece of queryPieces(term)) {
            const found = words.some((_, at) =>
              piece.words.every((w, k) =>
                piece.prefix
                  ? words[at + k]?.startsWith(w)
                  : words[at + k] === w || words[at + k]?.toLowerCase() === w,
              ),
            );
            expect(found, `${term} in ${text}`).toBe(true);
          }
        },
      ),
    );
  });
});
