import { describe, expect, it } from "vitest";
import { annotated, fixtureDigest, termsIn } from "../../tests/fixtures/digest.ts";
import { compileLikeAstroMdx } from "../../tests/support/astro-mdx.ts";
import { find, type HastNode, textOf } from "../../tests/support/mdx-tree.ts";
import { digestToMdx } from "../emit/mdast-to-mdx.ts";
import { reportBodyCompiler } from "../emit/mdx-to-html.ts";
import type { ReportDigest } from "../ingest/types.ts";
import type { GlossaryTerm } from "./callouts.ts";

const compileWith = (mdx: string, glossary: Record<string, GlossaryTerm>) =>
  compileLikeAstroMdx(mdx, (term) => glossary[term]);

type Element = HastNode & { properties?: Record<string, unknown> };

/** An HTML attribute of a parsed element (hast names properties: data-label → dataLabel). */
function attrOf(node: HastNode, name: string): string | undefined {
  const property =
    { class: "className", "aria-describedby": "ariaDescribedBy" }[name] ??
    name.replace(/-([a-z])/gu, (_, c: string) => c.toUpperCase());
  const value = (node as Element).properties?.[property];
  return Array.isArray(value) ? value.join(" ") : (value as string | undefined);
}

const byClass = (tree: HastNode, cls: string) =>
  find(tree, (n) => (attrOf(n, "class") ?? "").split(" ").includes(cls));

const glossary: Record<string, GlossaryTerm> = {
  专精特新: { term: "专精特新", explain: "专业化、精细化、特色化、新颖化的中小企业。", anchor: "term-zjtx" },
};

describe("calloutPlugin", () => {
  it("compiles a whole body to static HTML, the same HTML generate() writes for it", async () => {
    const mdx = digestToMdx(annotated(fixtureDigest, termsIn("专精特新")));
    const { code, html } = await compileWith(mdx, glossary);
    const calls = [...code.matchAll(/_jsxs?\((\w+)/gu)].map((m) => m[1]);
    // (MDXLayout and _createMdxContent are the compiler's own wrapper.)
    expect(new Set(calls)).toEqual(new Set(["Fragment", "MDXLayout", "_createMdxContent"]));
    expect(code).not.toMatch(/\b(Section|Stat|Term|Block)\b/u);
    expect(html).toBe(reportBodyCompiler((term) => glossary[term])(mdx));
  });

  it("marks every figure up with what it measures, its value and kind, linked to itself", async () => {
    const { tree } = await compileWith(digestToMdx(fixtureDigest), glossary);
    const stats = byClass(tree, "stat");
    expect(stats.map((s) => attrOf(s, "id"))).toEqual(fixtureDigest.stats.map((s) => s.id));
    const first = stats[0] as HastNode;
    expect(attrOf(first, "href")).toBe("#s-1");
    expect(attrOf(first, "data-label")).toBe("地区生产总值");
    expect(attrOf(first, "data-value")).toBe("785.6 亿元");
    expect(attrOf(first, "data-kind")).toBe("实绩");
    expect(attrOf(first, "title")).toBe("地区生产总值：785.6 亿元（实绩）");
    expect(textOf(first)).toBe("785.6亿元（地区生产总值，实绩）");
    // The target figure says so.
    expect(attrOf(stats[3] as HastNode, "data-kind")).toBe("目标");
  });

  it("marks glossary terms with their explanation and leaves unknown terms as plain text", async () => {
    const mdx = digestToMdx(annotated(fixtureDigest, termsIn("专精特新", "国际陆港")));
    const { tree, html } = await compileWith(mdx, glossary);
    const terms = byClass(tree, "term");
    expect(
      terms.map((t) => [t.tagName, textOf(t), attrOf(t, "data-explain"), attrOf(t, "aria-describedby")]),
    ).toEqual([["dfn", "专精特新", glossary.专精特新?.explain, "def-term-zjtx"]]);
    expect(html).toContain("国际陆港");
  });

  it("keeps blocks' anchors, list blocks, lead-ins and every character of the text", async () => {
    const { tree } = await compileWith(digestToMdx(fixtureDigest), glossary);
    const blocks = byClass(tree, "blk");
    expect(blocks.map((b) => [attrOf(b, "id"), attrOf(b, "class")])).toEqual([
      ["p-a1", "blk"],
      ["p-b2", "blk blk-list"],
    ]);
    expect(find(blocks[0] as HastNode, (n) => n.tagName === "strong").map(textOf)).toEqual([
      "制造业竞争力不断增强。",
    ]);
    const shown = (b: HastNode) =>
      textOf(b)
        .replace(/（[^（）]*，[^（）]*）|（增速）|（目标）/gu, "")
        .replace(/\s/gu, "");
    expect(shown(blocks[0] as HastNode)).toBe(fixtureDigest.sections[0]?.blocks[0]?.text);
  });

  it("escapes hostile labels, explanations and text: they stay attribute values and text", async () => {
    const evil = `"><script>alert(1)</script><img src=x onerror=alert(2)>&amp;`;
    const digest: ReportDigest = {
      ...fixtureDigest,
      stats: fixtureDigest.stats.map((s) => ({ ...s, label: evil })),
    };
    const { tree } = await compileWith(digestToMdx(annotated(digest, termsIn("专精特新"))), {
      专精特新: { term: "专精特新", explain: evil, anchor: `a"b` },
    });
    expect(find(tree, (n) => n.tagName === "script" || n.tagName === "img")).toEqual([]);
    expect(attrOf(byClass(tree, "stat")[0] as HastNode, "data-label")).toBe(evil);
    expect(attrOf(byClass(tree, "term")[0] as HastNode, "data-explain")).toBe(evil);
    expect(attrOf(byClass(tree, "term")[0] as HastNode, "aria-describedby")).toBe(`def-a"b`);
  });
});
