// Compiles MDX the way @astrojs/mdx does in this project's astro.config.mjs (Sätteri's mdxToJs,
// static parts folded into HTML strings, the report vocabulary's Sätteri plugin), for tests that
// hold a body compiled there to the HTML the build writes.
import type { Root } from "hast";
import rehypeStringify from "rehype-stringify";
import { htmlToHast, mdxToJs } from "satteri";
import { unified } from "unified";
import { calloutPlugin } from "../../src/site/callout-plugin.ts";
import type { GlossaryTerm } from "../../src/site/callouts.ts";
import type { HastNode } from "./mdx-tree.ts";

export async function compileLikeAstroMdx(
  mdx: string,
  lookupTerm: (term: string) => GlossaryTerm | undefined,
) {
  const { code } = await mdxToJs(mdx, {
    hastPlugins: [calloutPlugin(lookupTerm)],
    optimizeStatic: { component: "Fragment", prop: "set:html" },
    features: { gfm: false, smartPunctuation: false },
    jsxImportSource: "astro",
    elementAttributeNameCase: "html",
  });
  const html = [...code.matchAll(/"set:html": ("(?:[^"\\]|\\.)*")/gu)]
    .map((m) => JSON.parse(m[1] as string) as string)
    .join("");
  return { code, html, tree: htmlToHast(html) as unknown as HastNode };
}

/**
 * The body HTML of an MDX page as @astrojs/mdx compiles it, written again by rehype-stringify:
 * Sätteri writes some characters differently ("&amp;" where hast-util-to-html writes "&#x26;").
 */
export const compiledByAstroMdx = async (
  mdx: string,
  lookupTerm: (term: string) => GlossaryTerm | undefined,
): Promise<string> => {
  const { html } = await compileLikeAstroMdx(mdx, lookupTerm);
  return unified()
    .use(rehypeStringify)
    .stringify(htmlToHast(html, { fragment: true }) as unknown as Root);
};
