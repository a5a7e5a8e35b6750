import { describe, expect, it } from "vitest";
import { annotated, fixtureDigest, termsIn } from "../../tests/fixtures/digest.ts";
import { attrOf, compile, find, type HastNode, textOf } from "../../tests/support/mdx-tree.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { digestToMdx } from "./mdast-to-mdx.ts";

describe("digestToMdx", () => {
  it("emits one Section per section, one Block per block and one Stat per figure", () => {
    const tree = compile(digestToMdx(fixtureDigest));
    const sections = find(tree, (n) => n.name === "Section");
    expect(sections.map((s) => attrOf(s, "id"))).toEqual(["huigu", "bushu"]);
    expect(sections.map((s) => attrOf(s, "heading"))).toEqual(["一、过去一年工作回顾", "二、今年工作部署"]);
    expect(sections.map((s) => attrOf(s, "figures"))).toEqual(["3", "1"]);
    const stats = find(tree, (n) => n.name === "Stat");
    expect(stats.map((s) => [attrOf(s, "id"), textOf(s), attrOf(s, "v"), attrOf(s, "u")])).toEqual([
      ["s-1", "785.6亿元", "78560000000", "元"],
      ["s-2", "4.2%", "4.2", "%"],
      ["s-3", "12家", "12", "家"],
      ["s-4", "100列", "100", "列"],
    ]);
    expect(attrOf(stats[3] as HastNode, "t")).toBe("1");
  });

  it("keeps every block's text exactly, bolds the lead-in and renders list items", () => {
    const tree = compile(digestToMdx(fixtureDigest));
    const blocks = find(tree, (n) => n.name === "Block");
    expect(textOf(blocks[0] as HastNode)).toBe(fixtureDigest.sections[0]?.blocks[0]?.text);
    const strong = find(blocks[0] as HastNode, (n) => n.name === "strong");
    expect(strong.map(textOf)).toEqual(["制造业竞争力不断增强。"]);
    const items = find(blocks[1] as HastNode, (n) => n.tagName === "li");
    expect(items.map(textOf)).toEqual([
      "一是全力加快国际陆港建设。",
      "二是强力推进通航产业发展，开行国际班列100列。",
    ]);
  });

  it("shows half-width punctuation between Chinese as full-width without moving figures", () => {
    const text = "全区完成785.6亿元,总量第二(全市)。";
    const digest: ReportDigest = {
      ...fixtureDigest,
      sections: [{ id: "a", heading: "甲,乙", level: 1, blocks: [{ id: "p-1", type: "paragraph", text }] }],
      stats: [{ ...(fixtureDigest.stats[0] as ReportDigest["stats"][number]), blockId: "p-1", start: 4 }],
    };
    const tree = compile(digestToMdx(annotated(digest)));
    expect(textOf(find(tree, (n) => n.name === "Block")[0] as HastNode)).toBe(
      "全区完成785.6亿元，总量第二（全市）。",
    );
    expect(find(tree, (n) => n.name === "Stat").map(textOf)).toEqual(["785.6亿元"]);
    expect(attrOf(find(tree, (n) => n.name === "Section")[0] as HastNode, "heading")).toBe("甲，乙");
  });

  it("renders a paragraph's 一是/二是 as a list with bold item lead-ins, keeping text and figures", () => {
    const text = "推进开放。一是加快陆港建设。开行班列100列。二是推进通航产业。";
    const digest: ReportDigest = {
      ...fixtureDigest,
      sections: [{ id: "a", heading: "甲", level: 1, blocks: [{ id: "p-1", type: "paragraph", text }] }],
      stats: [
        {
          ...(fixtureDigest.stats[3] as ReportDigest["stats"][number]),
          blockId: "p-1",
          start: text.indexOf("100列"),
        },
      ],
    };
    const block = find(compile(digestToMdx(annotated(digest))), (n) => n.name === "Block")[0] as HastNode;
    expect(textOf(block).replaceAll("\n", "")).toBe(text);
    expect(
      find(block, (n) => n.tagName === "p" && !find(n, (m) => m.tagName === "li").length)[0],
    ).toBeDefined();
    expect(find(block, (n) => n.tagName === "li").map(textOf)).toEqual([
      "一是加快陆港建设。开行班列100列。",
      "二是推进通航产业。",
    ]);
    expect(find(block, (n) => n.name === "strong").map(textOf)).toEqual(["一是加快陆港建设。"]);
    expect(find(block, (n) => n.name === "Stat").map(textOf)).toEqual(["100列"]);
    expect(attrOf(block, "type")).toBe("list");
  });

  it("marks only the first use of a glossary term in each section and never inside a figure", () => {
    const text = "专精特新企业12家，专精特新12家。";
    const digest: ReportDigest = {
      ...fixtureDigest,
      sections: [{ id: "a", heading: "甲", level: 1, blocks: [{ id: "p-1", type: "paragraph", text }] }],
      stats: [],
    };
    const tree = compile(digestToMdx(annotated(digest, termsIn("专精特新"))));
    expect(find(tree, (n) => n.name === "Term").map(textOf)).toEqual(["专精特新"]);
    const overlapping = compile(
      digestToMdx(
        annotated(
          {
            ...digest,
            stats: [
              {
                ...(fixtureDigest.stats[2] as ReportDigest["stats"][number]),
                blockId: "p-1",
                start: 4,
                text: "企业12家",
              },
            ],
          },
          (t) => [
            { start: 2, end: 6, term: "特新企业", surface: "特新企业" },
            ...termsIn("专精特新")(t).slice(1),
          ],
        ),
      ),
    );
    expect(find(overlapping, (n) => n.name === "Term").map(textOf)).toEqual(["专精特新"]);
  });

  it("treats markup, MDX syntax and Markdown punctuation in report text as plain text", () => {
    const hostile =
      "<script>alert(1)</script>{x}{/* c */}*a*_b_[a](b)`c`$|#&amp;<!-- x -->import x from 'y'\nexport const a = 1;javascript:1 ~~s~~ <b>x</b> 1. - > ";
    const digest: ReportDigest = {
      ...fixtureDigest,
      title: hostile,
      sections: [
        { id: "a", heading: hostile, level: 1, blocks: [{ id: "p-1", type: "paragraph", text: hostile }] },
      ],
      stats: [],
    };
    const tree = compile(digestToMdx(annotated(digest)));
    const block = find(tree, (n) => n.name === "Block")[0] as HastNode;
    // A newline inside a paragraph is a soft break: the same text, with the line end kept.
    expect(textOf(block)).toBe(hostile);
    const elements = find(block, (n) => n.type === "element" || n.type.startsWith("mdx"));
    expect(elements.map((n) => n.tagName ?? n.name)).toEqual(["Block", "p"]);
    expect(attrOf(find(tree, (n) => n.name === "Section")[0] as HastNode, "heading")).toBe(hostile);
  });
});
