// Report MDX → the HTML of the page body. A report page's body is compiled here, once per change
// of its MDX, instead of by Astro's MDX pipeline: 1,000 MDX modules going through Vite's bundler
// were most of a build's time and memory, and Vite keeps nothing between builds (see README,
// Performance). Two entries give the same HTML (a test holds them to it on every bundled report):
// - `emittedBodyHast` converts the emitter's own mdast, for generated bodies (no parse at all);
// - `mdxBodyHast` parses MDX with Sätteri (the parser Astro uses), for ejected bodies an editor
//   wrote. MDX that needs the MDX compiler (import/export, {expressions}, other components) is
//   refused with `NeedsMdxCompiler`; such a page is compiled by @astrojs/mdx instead.
// The report vocabulary becomes HTML through src/site/callouts.ts, as in that compile.

import type { Element, ElementContent, Root as HastRoot, Text } from "hast";
import type { List, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { type HastNode, mdxToHast } from "satteri";
import {
  calloutBlock,
  calloutElement,
  type GlossaryTerm,
  REPORT_ELEMENTS,
  stringAttributes,
  TEXT_CALLOUTS,
} from "../site/callouts.ts";

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

const text = (value: string): Text => ({ type: "text", value });
const newline = text("\n");

const textOf = (nodes: ReadonlyArray<{ type: string; value?: unknown; children?: unknown }>): string =>
  nodes
    .map((n) => (n.type === "text" ? String(n.value) : n.children ? textOf(n.children as typeof nodes) : ""))
    .join("");

// ---- the emitter's mdast (src/emit/mdx.ts builds exactly these node types) ----

function phrasing(nodes: PhrasingContent[], lookupTerm: LookupTerm): ElementContent[] {
  return nodes.map((node) => {
    if (node.type === "text") return text(node.value);
    if (node.type !== "mdxJsxTextElement") throw new Error(`the emitter wrote a ${node.type}`);
    return calloutElement(
      node.name ?? "",
      stringAttributes(node.attributes),
      phrasing(node.children, lookupTerm),
      () => textOf(node.children),
      lookupTerm,
    );
  });
}

// A tight list is one line per item, as Sätteri lays it out.
const listElement = (list: List, lookupTerm: LookupTerm): Element => ({
  type: "element",
  tagName: "ul",
  properties: {},
  children: [
    newline,
    ...list.children.flatMap((item) => [
      {
        type: "element" as const,
        tagName: "li",
        properties: {},
        children: item.children.flatMap((p) => phrasing((p as Paragraph).children, lookupTerm)),
      },
      newline,
    ]),
  ],
});

function flow(node: RootContent, lookupTerm: LookupTerm): ElementContent {
  if (node.type === "paragraph")
    return { type: "element", tagName: "p", properties: {}, children: phrasing(node.children, lookupTerm) };
  if (node.type === "list") return listElement(node, lookupTerm);
  if (node.type !== "mdxJsxFlowElement") throw new Error(`the emitter wrote a ${node.type}`);
  return calloutElement(
    node.name ?? "",
    stringAttributes(node.attributes),
    node.children.map((child) => flow(child, lookupTerm)),
    () => "",
    lookupTerm,
  );
}

/** The body of a generated report, from the mdast its MDX was serialised from. */
export function emittedBodyHast(root: Root, lookupTerm: LookupTerm): HastRoot {
  const children: ElementContent[] = [];
  for (const node of root.children) {
    if (children.length) children.push(newline);
    children.push(flow(node, lookupTerm));
  }
  return { type: "root", children };
}

// ---- MDX an editor wrote ----

type SatteriNode = HastNode & {
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: SatteriNode[];
  position?: { start: { line: number } };
};

const VOCABULARY = new Set(REPORT_ELEMENTS);
const PHRASING = new Set(TEXT_CALLOUTS);

function convert(node: SatteriNode, lookupTerm: LookupTerm): ElementContent {
  const line = node.position?.start.line;
  switch (node.type) {
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement": {
      const name = node.name ?? "";
      const flow = node.type === "mdxJsxFlowElement";
      if (!(flow ? VOCABULARY : PHRASING).has(name))
        throw new NeedsMdxCompiler(
          name
            ? `<${name}> is not one of ${[...(flow ? VOCABULARY : PHRASING)].map((n) => `<${n}>`).join(" ")}`
            : "a fragment <>",
          line,
        );
      const attributes = node.attributes ?? [];
      if (attributes.some((a) => a.type !== "mdxJsxAttribute" || typeof a.value !== "string"))
        throw new NeedsMdxCompiler(`<${name}> has an attribute that is an expression`, line);
      const children = node.children ?? [];
      return (flow ? calloutBlock : calloutElement)(
        name,
        stringAttributes(attributes),
        children.map((child) => convert(child, lookupTerm)),
        () => textOf(children),
        lookupTerm,
      );
    }
    case "mdxjsEsm":
      throw new NeedsMdxCompiler("import/export", line);
    case "mdxFlowExpression":
    case "mdxTextExpression":
      throw new NeedsMdxCompiler("a {…} expression", line);
    case "element": {
      const element = node as unknown as Element;
      return {
        ...element,
        children: (node.children ?? []).map((child) => convert(child, lookupTerm)),
        position: undefined,
      };
    }
    case "text":
      return text((node as unknown as Text).value);
    default:
      // Comments, raw HTML (MDX has neither), doctype: nothing a page body shows.
      return text("");
  }
}

/** The body of an ejected report: its MDX parsed as Astro parses it, front matter dropped. */
export function mdxBodyHast(source: string, lookupTerm: LookupTerm): HastRoot {
  const tree = mdxToHast(source, { features: { gfm: false, smartPunctuation: false } }) as SatteriNode;
  return { type: "root", children: (tree.children ?? []).map((child) => convert(child, lookupTerm)) };
}
