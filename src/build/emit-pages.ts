// The emit stage of a build: each report's MDX page and its body. The MDX page is written from the
// digest on disk (.generated/reports/<slug>.mdx), or is a copy of the author's ejected one; the
// body is compiled from that file as it is on disk, so what `eject` gives an author is exactly what
// the site renders. A body whose MDX needs @astrojs/mdx goes to .generated/mdx-pages/ instead of
// .generated/bodies/. Pages are independent, so they are emitted on two cores (./two-cores.ts).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmitOptions } from "../emit/digest-to-mdast.ts";
import { digestToMdx } from "../emit/mdast-to-mdx.ts";
import { type LookupTerm, NeedsMdxCompiler, reportMdxToHtml } from "../emit/mdx-to-html.ts";
import { createTermMatcher, type GlossaryEntry, loadGlossary } from "../ingest/glossary.ts";
import { termLookup } from "../site/glossary-usage.ts";
import { readDigestFile } from "./digest-store.ts";
import { layout } from "./layout.ts";
import { runOnTwoCores } from "./two-cores.ts";

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

/** What the emit needs of the glossary (the term matcher and each term's markup), built on first use. */
export function glossaryTools(source: string | undefined) {
  let entries: GlossaryEntry[] | undefined;
  let findTerms: EmitOptions["findTerms"];
  let lookupTerm: LookupTerm | undefined;
  const all = () => {
    entries ??= source === undefined ? [] : loadGlossary(source);
    return entries;
  };
  return {
    findTerms: (text: string) => {
      findTerms ??= createTermMatcher(all());
      return findTerms(text);
    },
    lookupTerm: (term: string) => {
      lookupTerm ??= termLookup(all());
      return lookupTerm(term);
    },
  };
}

export const readGlossary = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/** The MDX page of a report, glossary terms marked (what `npm run eject` writes, too). */
export function reportEmitter(root: string) {
  const { findTerms } = glossaryTools(readGlossary(layout(root).glossary));
  return (digest: Parameters<typeof digestToMdx>[0]) => digestToMdx(digest, { findTerms });
}

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

/** Emits `jobs` here; a page that fails is left without its body (emitPages does it again). */
export function emitShare(jobs: PageJob[], context: EmitContext, onDone: () => void, rethrow = false): void {
  const dirs = layout(context.root);
  const { findTerms, lookupTerm } = glossaryTools(context.glossary);
  for (const { slug, ejected } of jobs) {
    const files = bodyFiles(slug);
    try {
      const mdxPath = join(dirs.mdx, `${slug}.mdx`);
      writeFileSync(
        mdxPath,
        ejected
          ? readFileSync(dirs.ejected(slug), "utf8")
          : digestToMdx(readDigestFile(join(dirs.digests, `${slug}.json`)), { findTerms }),
      );
      const mdx = readFileSync(mdxPath, "utf8");
      const html = bodyHtml(mdx, lookupTerm);
      const [write, remove] = html === undefined ? [files.mdxPage, files.html] : [files.html, files.mdxPage];
      rmSync(join(dirs.generated, remove), { force: true });
      writeFileSync(join(dirs.generated, write), html ?? mdx);
    } catch (error) {
      if (rethrow) throw error;
      rmSync(join(dirs.generated, files.html), { force: true });
      rmSync(join(dirs.generated, files.mdxPage), { force: true });
    }
    onDone();
  }
}

/**
 * Emits the pages of `jobs` on two cores; returns, by slug, which body file each now has. A page
 * that fails on the worker is emitted again here, so its error is thrown as it would be.
 */
export function emitPages(jobs: PageJob[], context: EmitContext): Map<string, string> {
  const dirs = layout(context.root);
  // A body still on disk then means it was emitted now.
  for (const { slug } of jobs)
    for (const file of Object.values(bodyFiles(slug))) rmSync(join(dirs.generated, file), { force: true });
  runOnTwoCores(jobs, context, emitShare, join(import.meta.dirname, "emit-worker.ts"));
  const written = new Map<string, string>();
  for (const job of jobs) {
    const { html, mdxPage } = bodyFiles(job.slug);
    let file = [html, mdxPage].find((f) => existsSync(join(dirs.generated, f)));
    if (!file) {
      emitShare([job], context, () => {}, true);
      file = existsSync(join(dirs.generated, html)) ? html : mdxPage;
    }
    written.set(job.slug, file);
  }
  return written;
}
