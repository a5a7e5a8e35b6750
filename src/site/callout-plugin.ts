// A Sätteri hast plugin (registered in astro.config.mjs) that turns the report vocabulary into
// plain HTML elements while @astrojs/mdx compiles an MDX page, the same elements report bodies are
// compiled to by src/emit/body-html.ts (see callouts.ts). Only ejected pages that need the MDX
// compiler take this path. A figure's or a term's own text is read with textContent: reading it on
// the Rust side is far cheaper than handing the child nodes across.
import type { ElementContent } from "hast";
import type {
  HastVisitorContext,
  MdxJsxAttributeUnion,
  MdxJsxFlowElementHast,
  MdxJsxTextElementHast,
} from "satteri";
import { defineHastPlugin } from "satteri";
import {
  type CalloutConverter,
  calloutBlock,
  calloutElement,
  type GlossaryTerm,
  REPORT_ELEMENTS,
  TEXT_CALLOUTS,
} from "./callouts.ts";

/** The string-valued attributes of an element (the report vocabulary takes no expressions). */
function stringAttributes(attributes: MdxJsxAttributeUnion[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of attributes)
    if (a.type === "mdxJsxAttribute" && typeof a.value === "string") out[a.name] = a.value;
  return out;
}

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
