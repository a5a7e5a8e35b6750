// The emit stage of a build: each report's MDX page and its body. The MDX page is written from the
// digest on disk (.generated/reports/<slug>.mdx), or is a copy of the author's ejected one; the
// body is compiled from that file as it is on disk, so what `eject` gives an author is exactly what
// the site renders. A body whose MDX needs @astrojs/mdx goes to .generated/mdx-pages/ instead of
// .generated/bodies/. Pages are emitted on this thread: a build writes the search index beside
// them, and a second core taken by the emit was taken from the index, the longer of the two
// (1,000 reports: 107 s with the emit here, 117.5 s with it on two cores; bench/README.md).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { mdxToMdast } from "satteri";
import { digestToMdx } from "../emit/mdast-to-mdx.ts";
import { type LookupTerm, NeedsMdxCompiler, reportMdxToHtml } from "../emit/mdx-to-html.ts";
import { loadGlossary } from "../ingest/glossary.ts";
import { termLookup } from "../site/glossary-usage.ts";
import { readDigestFile } from "./digest-store.ts";
import { layout } from "./layout.ts";

export interface PageJob {
  slug: string;
  /** The MDX page is the author's ejected file rather than generated from the digest. */
  ejected: boolean;
}

export interface EmitContext {
  root: string;
  /** The glossary's text (content/glossary.yml), if there is one. */
  glossary: string | undefined;
}

/** What emitting a page wrote besides its MDX page, as a generated file ("bodies/<slug>.html"). */
export const bodyFiles = (slug: string) => ({
  html: `bodies/${slug}.html`,
  mdxPage: `mdx-pages/${slug}.mdx`,
});

/** How the page marks a glossary term up (its explanation, its /glossary/ anchor), built on first use. */
export function termMarkup(source: string | undefined): LookupTerm {
  let lookup: LookupTerm | undefined;
  return (term) => {
    lookup ??= termLookup(source === undefined ? [] : loadGlossary(source));
    return lookup(term);
  };
}

export const readGlossary = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/**
 * The HTML of a report's MDX page, or undefined when it needs the MDX compiler (an ejected page
 * with imports, expressions or components beyond the report vocabulary).
 */
function bodyHtml(mdx: string, lookupTerm: LookupTerm): string | undefined {
  try {
    return reportMdxToHtml(mdx, lookupTerm);
  } catch (error) {
    if (error instanceof NeedsMdxCompiler) return undefined;
    throw error;
  }
}

/** Emits the pages of `jobs`; returns, by slug, which body file (see bodyFiles) each now has. */
export function emitPages(jobs: PageJob[], context: EmitContext): Map<string, string> {
  const dirs = layout(context.root);
  const lookupTerm = termMarkup(context.glossary);
  const written = new Map<string, string>();
  for (const { slug, ejected } of jobs) {
    const mdxPath = join(dirs.mdx, `${slug}.mdx`);
    writeFileSync(
      mdxPath,
      ejected
        ? readFileSync(dirs.ejected(slug), "utf8")
        : digestToMdx(readDigestFile(join(dirs.digests, `${slug}.json`))),
    );
    const mdx = readFileSync(mdxPath, "utf8");
    const html = bodyHtml(mdx, lookupTerm);
    const { html: htmlFile, mdxPage } = bodyFiles(slug);
    const [write, remove] = html === undefined ? [mdxPage, htmlFile] : [htmlFile, mdxPage];
    rmSync(join(dirs.generated, remove), { force: true });
    writeFileSync(join(dirs.generated, write), html ?? mdx);
    written.set(slug, write);
  }
  return written;
}

/** Checks ejected MDX compiles; the message names the file and line like every content error. */
export function checkEjected(root: string, path: string): string | undefined {
  try {
    mdxToMdast(readFileSync(path, "utf8"), { features: { gfm: false }, position: false });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+): /.exec(message);
    return `${relative(root, path)}${at ? `:${at[1]}` : ""}: MDX does not compile: ${at ? message.slice(at[0].length) : message}`;
  }
}
