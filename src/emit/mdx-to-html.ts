// A report's MDX page → the HTML of its body, the one path every page body takes: the MDX the
// build wrote (./mdast-to-mdx.ts) and an author's ejected MDX alike. The MDX is parsed into mdast
// by Sätteri, the MDX parser Astro 7 compiles with (remark-parse + remark-mdx give the same tree
// but cost 44 ms a report against Sätteri's 6: 40 s of a 1,000-report build); MDX the build has
// just written from a tree is not parsed again, that tree is used. A unified() pipeline carries
// it: remark-rehype (the vocabulary handed on as it is), the vocabulary's elements
// (./rehype-report-vocabulary.ts), rehype-stringify.
// MDX beyond Markdown and the report vocabulary (import/export, {expressions}, other components) is
// refused with `NeedsMdxCompiler`: such an ejected page is compiled by @astrojs/mdx instead.
import type { Root as HastRoot } from "hast";
import type { Root, RootContent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import rehypeStringify from "rehype-stringify";
import remarkRehype, { type Options as RemarkRehypeOptions } from "remark-rehype";
import { mdxToMdast } from "satteri";
import { unified } from "unified";
import { type GlossaryTerm, REPORT_ELEMENTS, TEXT_CALLOUTS } from "../site/callouts.ts";
import rehypeReportVocabulary from "./rehype-report-vocabulary.ts";

export type LookupTerm = (term: string) => GlossaryTerm | undefined;

/** MDX beyond Markdown and the report vocabulary; `line` is 1-based when known. */
export class NeedsMdxCompiler extends Error {
  readonly line: number | undefined;
  constructor(reason: string, line: number | undefined) {
    super(reason);
    this.name = "NeedsMdxCompiler";
    this.line = line;
  }
}

const FLOW = new Set(REPORT_ELEMENTS);
const PHRASING = new Set(TEXT_CALLOUTS);
const names = (set: Set<string>) => [...set].map((n) => `<${n}>`).join(" ");

/** Throws NeedsMdxCompiler at the first node only the MDX compiler can handle. */
function checkVocabulary(node: Root | RootContent): void {
  const line = node.position?.start.line;
  switch (node.type) {
    case "mdxjsEsm":
      throw new NeedsMdxCompiler("import/export", line);
    case "mdxFlowExpression":
    case "mdxTextExpression":
      throw new NeedsMdxCompiler("a {…} expression", line);
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement": {
      const allowed = node.type === "mdxJsxFlowElement" ? FLOW : PHRASING;
      if (!node.name || !allowed.has(node.name))
        throw new NeedsMdxCompiler(
          node.name ? `<${node.name}> is not one of ${names(allowed)}` : "a fragment <>",
          line,
        );
      if (node.attributes.some((a) => a.type !== "mdxJsxAttribute" || typeof a.value !== "string"))
        throw new NeedsMdxCompiler(`<${node.name}> has an attribute that is an expression`, line);
      break;
    }
  }
  if ("children" in node) for (const child of node.children) checkVocabulary(child);
}

/** An MDX page as mdast (its front matter a `yaml` node), checked to need nothing but this module. */
function parseReportMdx(source: string): Root {
  // Without positions (a third of the parse, and copied into every hast node after): they are
  // only wanted for the line of a refusal, so MDX that is refused is parsed again with them.
  const tree = parse(source, false);
  try {
    checkVocabulary(tree);
  } catch (error) {
    if (error instanceof NeedsMdxCompiler) checkVocabulary(parse(source, true));
    throw error;
  }
  return tree;
}

const parse = (source: string, position: boolean) =>
  mdxToMdast(source, { features: { gfm: false, smartPunctuation: false }, position }) as Root;

type ToHastHandler = NonNullable<NonNullable<RemarkRehypeOptions["handlers"]>["mdxJsxFlowElement"]>;

/**
 * The vocabulary goes on into hast as the same MDX node, for rehype-report-vocabulary. Unlike
 * remark-rehype's passThrough, which structuredClones each one's attributes, position and data,
 * the attributes are shared (nothing changes them): the clones took 1.1 ms of a report's 7.
 */
const vocabularyNode: ToHastHandler = (state, node: MdxJsxFlowElement | MdxJsxTextElement) => ({
  type: node.type,
  name: node.name,
  attributes: node.attributes,
  children: state.all(node),
});

/**
 * Compiles an MDX page to its body HTML. `writtenFrom` is the mdast the page's text was just
 * written from (./mdast-to-mdx.ts), when that text is still what is on disk: the body is compiled
 * from that tree rather than from the text parsed again, which gives the same tree.
 */
export type ReportBodyCompiler = (source: string, writtenFrom?: Root) => string;

/**
 * The compiler of report bodies for one glossary. It throws NeedsMdxCompiler for MDX that needs
 * @astrojs/mdx. Make one per run of pages: its pipeline is built once.
 */
export function reportBodyCompiler(lookupTerm: LookupTerm): ReportBodyCompiler {
  const processor = unified()
    .use(remarkRehype, { handlers: { mdxJsxFlowElement: vocabularyNode, mdxJsxTextElement: vocabularyNode } })
    .use(rehypeReportVocabulary, { lookupTerm })
    .use(rehypeStringify);
  return (source, writtenFrom) =>
    processor.stringify(processor.runSync(writtenFrom ?? parseReportMdx(source)) as HastRoot);
}
