// A report's mdast (./digest-to-mdast.ts) → its MDX page, written by remark's stringifier with
// remark-mdx: the library decides what report text needs escaping, so nothing in a report can
// become markup, an expression or an import. The page's front matter names its slug.
import type { Root, RootContent } from "mdast";
import type { MdxJsxAttribute } from "mdast-util-mdx";
import remarkMdx from "remark-mdx";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import type { ReportDigest } from "../ingest/types.ts";
import { digestToMdast } from "./digest-to-mdast.ts";

/**
 * mdast-util-mdx-jsx escapes only the quote in an attribute value, but MDX decodes character
 * references there: a label reading "&amp;" would come back as "&". Its "&" is written as a
 * reference too.
 */
function remarkEscapeAttributeAmpersands() {
  const escapeIn = (node: Root | RootContent): void => {
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement")
      for (const a of node.attributes as MdxJsxAttribute[])
        if (typeof a.value === "string" && a.value.includes("&")) a.value = a.value.replaceAll("&", "&#x26;");
    if ("children" in node) for (const child of node.children) escapeIn(child);
  };
  return escapeIn;
}

// "*" bullets, one space after them: the layout the vocabulary's lists have always had.
const stringifier = unified()
  .use(remarkMdx)
  .use(remarkEscapeAttributeAmpersands)
  .use(remarkStringify, { bullet: "*", listItemIndent: "one" });

/** MDX text of a tree (it is changed: attribute values get their "&" escaped). */
export const stringifyMdx = (tree: Root): string => stringifier.stringify(stringifier.runSync(tree) as Root);

/** The MDX file of a report page: its slug as front matter, then the body. */
export const mdxPage = (slug: string, body: Root): string =>
  `---\nslug: ${JSON.stringify(slug)}\n---\n\n${stringifyMdx(body)}`;

/** The MDX page of a report (what `npm run eject` gives an author, too). */
export const digestToMdx = (digest: ReportDigest): string => mdxPage(digest.slug, digestToMdast(digest));
