// A Sätteri hast plugin (registered in astro.config.mjs) that turns the report vocabulary into
// plain HTML elements while @astrojs/mdx compiles an MDX page, the same elements report bodies are
// compiled to by src/emit/body-html.ts (see callouts.ts). Only ejected pages that need the MDX
// compiler take this path. A figure's or a term's own text is read with textContent: reading it on
// the Rust side is far cheaper than handing the child nodes across.
import type { ElementContent } from "hast";
import type { HastVisitorContext, MdxJsxFlowElementHast, MdxJsxTextElementHast } from "satteri";
import { defineHastPlugin } from "satteri";
import {
  type CalloutConverter,
  calloutBlock,
  calloutElement,
  type GlossaryTerm,
  REPORT_ELEMENTS,
  stringAttributes,
  TEXT_CALLOUTS,
} from "./callouts.ts";

export function calloutPlugin(lookupTerm: (term: string) => GlossaryTerm | undefined) {
  const visitWith =
    (convert: CalloutConverter) =>
    (node: Readonly<MdxJsxFlowElementHast | MdxJsxTextElementHast>, ctx: HastVisitorContext) =>
      convert(
        node.name ?? "",
        stringAttributes(node.attributes),
        node.children as ElementContent[],
        () => ctx.textContent(node),
        lookupTerm,
      );
  return defineHastPlugin({
    name: "report-digest-callouts",
    mdxJsxTextElement: { filter: TEXT_CALLOUTS, visit: visitWith(calloutElement) },
    mdxJsxFlowElement: { filter: REPORT_ELEMENTS, visit: visitWith(calloutBlock) },
  });
}
