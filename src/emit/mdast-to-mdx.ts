// A report's mdast (./digest-to-mdast.ts) → its MDX page, written by remark's stringifier with
// remark-mdx: the library decides what report text needs escaping, so nothing in a report can
// become markup, an expression or an import. The page's front matter names its slug.
import type { Root, RootContent } from "mdast";
import remarkMdx from "remark-mdx";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";
import type { ReportDigest } from "../ingest/types.ts";
import { digestToMdast } from "./digest-to-mdast.ts";

/**
 * mdast-util-mdx-jsx escapes only the quote in an attribute value, but MDX decodes character
 * references there: a label reading "&amp;" would come back as "&". Its "&" is written as a
 * reference too. The tree given is left as it is (the build compiles its HTML from it), so the
 * elements that change are copies, and so are the parents above them.
 */
function escapeAttributeAmpersands<T extends Root | RootContent>(node: T): T {
  let out = node;
  if (
    (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") &&
    node.attributes.some((a) => typeof a.value === "string" && a.value.includes("&"))
  )
    out = {
      ...node,
      attributes: node.attributes.map((a) =>
        typeof a.value === "string" ? { ...a, value: a.value.replaceAll("&", "&#x26;") } : a,
      ),
    };
  if ("children" in node) {
    const children = node.children.map(escapeAttributeAmpersands);
    if (children.some((child, i) => child !== node.children[i])) out = { ...out, children };
  }
  return out;
}

const remarkEscapeAttributeAmpersands = () => (tree: Root) => escapeAttributeAmpersands(tree);

type TextHandler = NonNullable<NonNullable<StringifyOptions["handlers"]>["text"]>;
type Unsafe = Parameters<TextHandler>[2]["unsafe"];

/** Per stringify call: a pattern matching any character some unsafe pattern (or a backslash) escapes. */
const escapable = new WeakMap<Unsafe, RegExp>();

/**
 * mdast-util-to-markdown's text handler, minus its cost where it changes nothing: `state.safe`
 * (matching every unsafe pattern against the text) only ever escapes a character that some pattern
 * is about, or a backslash, so text without any of them (most Chinese prose) is written as it is.
 */
const text: TextHandler = (node, parent, state, info) => {
  let pattern = escapable.get(state.unsafe);
  if (!pattern) {
    const characters = new Set(["\\", ...state.unsafe.map((p) => p.character)]);
    pattern = new RegExp(
      `[${[...characters].map((c) => `\\u{${c.codePointAt(0)?.toString(16)}}`).join("")}]`,
      "u",
    );
    escapable.set(state.unsafe, pattern);
  }
  if (!pattern.test(node.value)) return node.value;
  // As the library's handler: the neighbouring nodes decide some escapes.
  const siblings = parent ? parent.children : [];
  const index = state.indexStack.at(-1) ?? 0;
  return state.safe(node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] });
};

// "*" bullets, one space after them: the layout the vocabulary's lists have always had.
const stringifier = unified()
  .use(remarkMdx)
  .use(remarkEscapeAttributeAmpersands)
  .use(remarkStringify, { bullet: "*", listItemIndent: "one", handlers: { text } });

/** MDX text of a tree (the tree is not changed). */
export const stringifyMdx = (tree: Root): string => stringifier.stringify(stringifier.runSync(tree) as Root);

/** The MDX file of a report page: its slug as front matter, then the body. */
export const mdxPage = (slug: string, body: Root): string =>
  `---\nslug: ${JSON.stringify(slug)}\n---\n\n${stringifyMdx(body)}`;

/** The MDX page of a report (what `npm run eject` gives an author, too). */
export const digestToMdx = (digest: ReportDigest): string => mdxPage(digest.slug, digestToMdast(digest));
