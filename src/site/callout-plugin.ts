// A Sätteri hast plugin (registered in astro.config.mjs) that turns the report MDX's annotation
// elements into plain HTML elements while the MDX compiles (see callouts.ts for why). A figure's or
// a term's own text is read with textContent: the emitter writes them as plain text, and reading
// it on the Rust side is far cheaper than handing the child nodes across.
import type { ElementContent } from "hast";
import type { MdxJsxAttributeUnion } from "satteri";
import { defineHastPlugin } from "satteri";
import {
  blockElement,
  type GlossaryTerm,
  type StatAttributes,
  statElement,
  termElement,
} from "./callouts.ts";

/** The string-valued attributes of an element (the emitter writes no expressions). */
function stringAttributes(attributes: MdxJsxAttributeUnion[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of attributes)
    if (a.type === "mdxJsxAttribute" && typeof a.value === "string") out[a.name] = a.value;
  return out;
}

export function calloutPlugin(lookupTerm: (term: string) => GlossaryTerm | undefined) {
  return defineHastPlugin({
    name: "report-digest-callouts",
    mdxJsxTextElement: {
      filter: ["Stat", "Term", "strong"],
      visit(node, ctx) {
        const attributes = stringAttributes(node.attributes);
        if (node.name === "Stat")
          return statElement(attributes as unknown as StatAttributes, ctx.textContent(node));
        if (node.name === "Term") {
          const shown = ctx.textContent(node);
          const term = termElement(lookupTerm(attributes.t ?? ""), shown);
          // A bare text node cannot replace an element here; a span keeps the text and means nothing.
          return term.type === "text"
            ? { type: "element", tagName: "span", properties: {}, children: [term] }
            : term;
        }
        // The bold lead-in sentence: may hold figures and terms, which are visited on their own.
        return {
          type: "element",
          tagName: "strong",
          properties: {},
          children: node.children as ElementContent[],
        };
      },
    },
    mdxJsxFlowElement: {
      filter: ["Block"],
      visit(node) {
        const attributes = stringAttributes(node.attributes);
        return blockElement(
          { id: attributes.id ?? "", type: attributes.type },
          node.children as ElementContent[],
        );
      },
    },
  });
}
