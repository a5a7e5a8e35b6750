// A rehype plugin: the report vocabulary (<Section>, <Block>, <Stat>, <Term>, <strong>) that
// remark-rehype passed through from the MDX tree becomes plain HTML elements, with their ids and
// annotations (src/site/callouts.ts builds them, as the Sätteri plugin does for pages that
// @astrojs/mdx compiles). Anything else MDX can hold was refused before (./mdx-to-html.ts).
import type { ElementContent, Root, RootContent } from "hast";
import type {} from "mdast-util-mdx"; // hast's mdxJsx*Element node types
import { calloutBlock, calloutElement, type GlossaryTerm, stringAttributes } from "../site/callouts.ts";

export interface ReportVocabularyOptions {
  lookupTerm: (term: string) => GlossaryTerm | undefined;
}

const textOf = (nodes: readonly RootContent[]): string =>
  nodes.map((n) => (n.type === "text" ? n.value : "children" in n ? textOf(n.children) : "")).join("");

function convert(node: RootContent, lookupTerm: ReportVocabularyOptions["lookupTerm"]): RootContent {
  if (!("children" in node)) return node;
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
    const children = node.children.map((child) => convert(child, lookupTerm)) as ElementContent[];
    return (node.type === "mdxJsxFlowElement" ? calloutBlock : calloutElement)(
      node.name ?? "",
      stringAttributes(node.attributes),
      children,
      () => textOf(node.children),
      lookupTerm,
    );
  }
  node.children = node.children.map((child) => convert(child, lookupTerm)) as typeof node.children;
  return node;
}

export default function rehypeReportVocabulary({ lookupTerm }: ReportVocabularyOptions) {
  return (tree: Root) => {
    tree.children = tree.children.map((child) => convert(child, lookupTerm));
  };
}
