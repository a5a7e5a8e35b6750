import { describe, expect, it } from "vitest";
import { annotated, fixtureDigest } from "../../tests/fixtures/digest.ts";
import { createTermMatcher } from "../ingest/glossary.ts";
import { byCategory, readerAliases, termAnchors, termsInReport, termUses } from "./glossary-usage.ts";

const entries = [
  { term: "专精特新", explain: "中小企业专业化、精细化、特色化、新颖化。" },
  { term: "国际陆港", aliases: ["陆港"], explain: "内陆地区的国际物流枢纽。" },
  { term: "五星支部", explain: "没有出现在测试报告里的术语。" },
];
const findTerms = createTermMatcher(entries);

describe("termUses", () => {
  it("lists each section that uses a term once, aliases included", () => {
    const other = {
      ...fixtureDigest,
      slug: "other",
      sections: [
        {
          id: "x",
          heading: null,
          level: 1 as const,
          blocks: [{ id: "p", type: "paragraph" as const, text: "陆港，专精特新，专精特新。" }],
        },
      ],
    };
    const uses = termUses([annotated(fixtureDigest, findTerms), annotated(other, findTerms)]);
    expect(uses.get("专精特新")).toEqual([
      { slug: "fixture", sectionId: "huigu", heading: "一、过去一年工作回顾" },
      { slug: "other", sectionId: "x", heading: null },
    ]);
    expect(uses.get("国际陆港")?.map((u) => `${u.slug}#${u.sectionId}`)).toEqual([
      "fixture#bushu",
      "other#x",
    ]);
    expect(uses.has("五星支部")).toBe(false);
  });

  it("lists a report's terms in order of first use", () => {
    expect(termsInReport(annotated(fixtureDigest, findTerms))).toEqual(["专精特新", "国际陆港"]);
  });
});

describe("termAnchors", () => {
  it("gives ASCII anchors and tells apart terms that romanize alike", () => {
    const anchors = termAnchors([
      { term: "专精特新“小巨人”" },
      { term: "四保" },
      { term: "四宝" },
      { term: "GDP" },
    ]);
    expect([...anchors.values()]).toEqual([
      "term-zhuan-jing-te-xin-xiao-ju-ren",
      "term-si-bao",
      "term-si-bao-2",
      "term-gdp",
    ]);
    for (const id of anchors.values()) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});

describe("byCategory", () => {
  it("groups entries in the order the file first names each category", () => {
    const groups = byCategory([
      { term: "a", category: "产业" },
      { term: "b", category: "三农" },
      { term: "c", category: "产业" },
      { term: "d" },
    ]);
    expect(groups.map((g) => [g.category, g.entries.map((e) => e.term)])).toEqual([
      ["产业", ["a", "c"]],
      ["三农", ["b"]],
      ["其他", ["d"]],
    ]);
  });
});

describe("readerAliases", () => {
  it("drops spellings that differ from the term only in quotation marks", () => {
    const entry = { term: "专精特新“小巨人”", aliases: ['专精特新"小巨人"', "专精特新小巨人", "小巨人企业"] };
    expect(readerAliases(entry)).toEqual(["小巨人企业"]);
    expect(readerAliases({ term: "规上工业" })).toEqual([]);
  });
});
