// Compiles emitted MDX with Sätteri (the compiler Astro uses, configured as in astro.config.mjs) and
// reads the resulting tree, for tests that check what a page would contain.
import { mdxToHast } from "satteri";

export interface HastNode {
  type: string;
  name?: string;
  tagName?: string;
  value?: string;
  attributes?: Array<{ name: string; value: unknown }>;
  children?: HastNode[];
}

export const compile = (mdx: string) =>
  mdxToHast(mdx, {
    features: { gfm: false, smartPunctuation: false },
    position: false,
  }) as unknown as HastNode;

export const textOf = (node: HastNode): string =>
  node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");

export function find(node: HastNode, pred: (n: HastNode) => boolean, out: HastNode[] = []): HastNode[] {
  if (pred(node)) out.push(node);
  for (const child of node.children ?? []) find(child, pred, out);
  return out;
}

export const attrOf = (node: HastNode, name: string) => node.attributes?.find((a) => a.name === name)?.value;
