import { readFileSync } from "node:fs";
import { join } from "node:path";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { type HastNode, htmlToHast } from "satteri";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { annotated, fixtureDigest } from "../../tests/fixtures/digest.ts";
import { compiledByAstroMdx } from "../../tests/support/astro-mdx.ts";
import { createTermMatcher, loadGlossary } from "../ingest/glossary.ts";
import { BUNDLED, CORPUS, hasCorpus, listFiles, parseFile, parseText } from "../ingest/testing.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { termLookup } from "../site/glossary-usage.ts";
import { digestToMdast } from "./digest-to-mdast.ts";
import { digestToMdx, mdxPage, stringifyMdx } from "./mdast-to-mdx.ts";
import { NeedsMdxCompiler, reportBodyCompiler } from "./mdx-to-html.ts";

const entries = loadGlossary(readFileSync(join(BUNDLED, "../glossary.yml"), "utf8"));
const findTerms = createTermMatcher(entries);
const lookupTerm = termLookup(entries);
const html = reportBodyCompiler(lookupTerm);

// An author's copy of the page after it was reformatted: its body parsed by remark-parse with
// remark-mdx (not the parser the build uses) and written again.
const reformat = (mdx: string) =>
  mdx.replace(
    /(?<=^---\n[\s\S]*?\n---\n)[\s\S]*$/u,
    (body) => `\n${stringifyMdx(unified().use(remarkParse).use(remarkMdx).parse(body))}`,
  );

/**
 * A report's body three ways: generated (compiled from its MDX, and as the build does, from the
 * tree that MDX was written from: the two must agree), ejected (and reformatted), compiled by
 * @astrojs/mdx.
 */
async function threeWays(digest: ReportDigest) {
  const tree = digestToMdast(annotated(digest, findTerms));
  const mdx = mdxPage(digest.slug, tree);
  const generated = html(mdx);
  expect(html(mdx, tree), digest.slug).toBe(generated);
  return {
    generated,
    ejected: html(reformat(mdx)),
    compiled: await compiledByAstroMdx(mdx, lookupTerm),
  };
}

// Every 10th corpus report: enough variety (lists, lead-ins, lone figures) to keep the test quick.
const corpusSample = hasCorpus ? listFiles(CORPUS).filter((_, i) => i % 10 === 0) : [];

describe("report body HTML", () => {
  it.each(listFiles(BUNDLED))(
    "is the same generated, ejected and compiled by @astrojs/mdx: %s",
    async (file) => {
      const { generated, ejected, compiled } = await threeWays(parseFile(file));
      expect(ejected).toBe(generated);
      expect(compiled).toBe(generated);
      expect(generated).toContain('<a class="stat"');
    },
  );

  it.skipIf(!hasCorpus)(`is the same three ways on ${corpusSample.length} corpus reports`, async () => {
    for (const file of corpusSample) {
      let digest: ReportDigest;
      try {
        digest = parseFile(file);
      } catch {
        continue; // A file the parser rejects has no page (corpus.test.ts covers the rejection).
      }
      const { generated, ejected, compiled } = await threeWays(digest);
      expect(ejected, file).toBe(generated);
      expect(compiled, file).toBe(generated);
    }
  });

  it("renders sections with their heading, anchor link, annotations and aliases", () => {
    const digest: ReportDigest = {
      ...fixtureDigest,
      sections: fixtureDigest.sections.map((s, i) =>
        i === 0 ? { ...s, aliases: ["old-id"], mode: "review" as const, topics: ["产业", "经济发展"] } : s,
      ),
    };
    const body = html(digestToMdx(annotated(digest, findTerms)));
    expect(body).toContain(
      '<section class="sec sec-l1" data-section="huigu"><span id="old-id" class="alias-anchor" aria-hidden="true"></span><h2 id="huigu" class="sec-h">一、过去一年工作回顾<a class="h-anchor" href="#huigu" aria-label="本节链接：一、过去一年工作回顾">#</a></h2><p class="sec-meta"><span class="mode mode-review">回顾</span><span class="topic">产业</span><span class="topic">经济发展</span><span class="figcount">3 项数据</span></p>',
    );
  });

  it("shows a run-in sub-title once, as its paragraph's bold opening marked as a heading", async () => {
    const digest = parseText(
      [
        "一、2023年工作回顾",
        "（一）全力以赴稳增长，经济运行回升向好。全年地区生产总值增长5.2%，规模以上工业增加值增长4.6%。",
        "（二）经济实力迈上新台阶。全区地区生产总值完成785.6亿元，增长7%。",
      ].join("\n"),
    );
    const section = digest.sections.find((s) => s.runIn && s.heading?.startsWith("（二）"));
    expect(section?.heading).toBe("（二）经济实力迈上新台阶");
    const { generated, ejected, compiled } = await threeWays(digest);
    expect(ejected).toBe(generated);
    expect(compiled).toBe(generated);
    // Once as text (the anchor link's label names it too).
    expect(generated.match(/>[^<>]*经济实力迈上新台阶/gu)).toHaveLength(1);
    expect(generated).toMatch(
      new RegExp(
        `<section class="sec sec-l2" id="${section?.id}"[^>]*>.*?<strong role="heading" aria-level="3">（二）经济实力迈上新台阶。<a class="h-anchor" href="#${section?.id}"`,
        "u",
      ),
    );
  });

  it("keeps hostile report text as text", async () => {
    const evil = `<script>alert(1)</script><img src=x onerror=alert(2)> {x} & "q" `;
    const digest: ReportDigest = {
      ...fixtureDigest,
      sections: fixtureDigest.sections.map((s) => ({
        ...s,
        heading: s.heading && `${s.heading}${evil}`,
        blocks: s.blocks.map((b) => ({ ...b, text: `${b.text}${evil}` })),
      })),
      stats: fixtureDigest.stats.map((s) => ({ ...s, label: evil })),
    };
    const { generated: emitted, ejected, compiled } = await threeWays(digest);
    expect(ejected).toBe(emitted);
    expect(compiled).toBe(emitted);
    const elements = new Set<string>();
    const visit = (node: HastNode) => {
      if (node.type === "element") elements.add((node as { tagName: string }).tagName);
      for (const child of (node as { children?: HastNode[] }).children ?? []) visit(child);
    };
    visit(htmlToHast(emitted, { fragment: true }));
    expect([...elements].sort()).toEqual([
      "a",
      "dfn",
      "div",
      "h2",
      "li",
      "p",
      "section",
      "span",
      "strong",
      "ul",
    ]);
    expect(emitted).toContain("&#x3C;script>alert(1)&#x3C;/script>");
  });

  it("puts a figure or lead-in standing alone on its line back into a paragraph", () => {
    const mdx = `<Block id="p-1" type="list">\n  <strong>一是加强。</strong>\n\n  * 甲\n</Block>\n`;
    expect(html(mdx)).toBe(
      '<div class="blk blk-list" id="p-1"><p><strong>一是加强。</strong></p><ul>\n<li>甲</li>\n</ul></div>',
    );
  });

  it("compiles an editor's Markdown inside the vocabulary", () => {
    const mdx = `<Section id="a" level="1" heading="一">\n  <Block id="p-1">\n    见[网站](https://example.org "标题")，*重点*。\n  </Block>\n</Section>\n`;
    expect(html(mdx)).toContain(
      '<p>见<a href="https://example.org" title="标题">网站</a>，<em>重点</em>。</p>',
    );
  });

  it.each([
    ["import X from './x.js'\n\n<Block id=\"p\">文</Block>\n", "import/export", 1],
    ['<Block id="p">\n  共{1 + 1}项\n</Block>\n', "a {…} expression", 2],
    ['<Chart data="x" />\n', "<Chart> is not one of", 1],
    ['<Block id={"p"}>文</Block>\n', "<Block> has an attribute that is an expression", 1],
    ['<Block id="p">\n  文<Chart />字\n</Block>\n', "<Chart> is not one of <Stat> <Term> <strong>", 2],
  ])("leaves MDX that needs the compiler to it: %j", (mdx, reason, line) => {
    const refused = (() => {
      try {
        html(mdx);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(NeedsMdxCompiler);
    expect((refused as NeedsMdxCompiler).message).toContain(reason);
    expect((refused as NeedsMdxCompiler).line).toBe(line);
  });
});
