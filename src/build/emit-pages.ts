// The emit stage of a build: each report's MDX page and its body. The MDX page is written from the
// digest on disk (.generated/reports/<slug>.mdx), or is a copy of the author's ejected one; the
// body is compiled from that file as it is on disk (from the tree it was written from, when the
// file is that text), so what `eject` gives an author is exactly what the site renders. A body whose MDX needs @astrojs/mdx goes to .generated/mdx-pages/ instead of
// .generated/bodies/. Pages are emitted on one core, in a worker thread: a build writes the search
// index beside them, and a second core taken by the emit was taken from the index, the longer of
// the two (1,000 reports: 107 s on one core, 117.5 s on two; bench/README.md); in a worker, the
// emit's allocations leave with it instead of raising the build's memory peak.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { mdxToMdast } from "satteri";
import { digestToMdast } from "../emit/digest-to-mdast.ts";
import { mdxPage } from "../emit/mdast-to-mdx.ts";
import {
  type LookupTerm,
  NeedsMdxCompiler,
  type ReportBodyCompiler,
  reportBodyCompiler,
} from "../emit/mdx-to-html.ts";
import { loadGlossary } from "../ingest/glossary.ts";
import { termLookup } from "../site/glossary-usage.ts";
import { readDigestFile } from "./digest-store.ts";
import { bodyFiles } from "./generated-files.ts";
import { layout, type ProjectLayout } from "./layout.ts";
import { MIN_FOR_WORKER, runInWorker } from "./two-cores.ts";

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

/** How the page marks a glossary term up (its explanation, its /glossary/ anchor), built on first use. */
export function termMarkup(source: string | undefined): LookupTerm {
  let lookup: LookupTerm | undefined;
  return (term) => {
    lookup ??= termLookup(source === undefined ? [] : loadGlossary(source));
    return lookup(term);
  };
}

/** Emits one page; `compile` is the body compiler of the build's glossary. */
function emitPage({ slug, ejected }: PageJob, dirs: ProjectLayout, compile: ReportBodyCompiler): void {
  const mdxPath = join(dirs.mdx, `${slug}.mdx`);
  const tree = ejected ? undefined : digestToMdast(readDigestFile(join(dirs.digests, `${slug}.json`)));
  const written = tree ? mdxPage(slug, tree) : readFileSync(dirs.ejected(slug), "utf8");
  writeFileSync(mdxPath, written);
  // The body is compiled from the file as it is on disk; when that is the text just written from
  // `tree`, from the tree itself (a parse of that text gives the same tree).
  const mdx = readFileSync(mdxPath, "utf8");
  const writtenFrom = mdx === written ? tree : undefined;
  let html: string | undefined;
  try {
    html = compile(mdx, writtenFrom);
  } catch (error) {
    // MDX that needs the MDX compiler (imports, expressions, other components): @astrojs/mdx's.
    if (!(error instanceof NeedsMdxCompiler)) throw error;
  }
  const { html: htmlFile, mdxPage: compilerFile } = bodyFiles(slug);
  const [write, remove] = html === undefined ? [compilerFile, htmlFile] : [htmlFile, compilerFile];
  replaceFile(join(dirs.generated, write), html ?? mdx);
  rmSync(join(dirs.generated, remove), { force: true });
}

/**
 * Puts `text` at `path` whole, in one rename, and not at all when it is already there: the dev
 * server's content loader watches mdx-pages/, and a file that vanished or changed for nothing
 * while a page rendered would drop its entry ("Entry … was not found").
 */
function replaceFile(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === text) return;
  const partial = `${path}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

/**
 * Emits a share of pages, the glossary's markup and the compiler made once for all of them. On
 * the worker (`keepGoing`), a page that fails is flagged undone for emitPages to redo on its own
 * thread, where the error is thrown.
 */
function emitShare(
  jobs: PageJob[],
  context: EmitContext,
  onDone: (ok: boolean) => void,
  keepGoing: boolean,
): void {
  const dirs = layout(context.root);
  const compile = reportBodyCompiler(termMarkup(context.glossary));
  for (const job of jobs) {
    let ok = true;
    try {
      emitPage(job, dirs, compile);
    } catch (error) {
      if (!keepGoing) throw error;
      ok = false;
    }
    onDone(ok);
  }
}

/** The worker's share (emit-worker.ts). */
export const emitShareOnWorker = (
  jobs: PageJob[],
  context: EmitContext,
  onDone: (ok: boolean) => void,
): void => emitShare(jobs, context, onDone, true);

/**
 * Emits the pages of `jobs` (in a worker when there are enough to pay for one); returns, by slug,
 * which body file (see bodyFiles) each now has. A page the worker could not emit is emitted again
 * here, so its error is thrown as it would be.
 */
export function emitPages(jobs: PageJob[], context: EmitContext): Map<string, string> {
  const dirs = layout(context.root);
  const bodyOf = (slug: string) =>
    Object.values(bodyFiles(slug)).find((file) => existsSync(join(dirs.generated, file)));
  const onWorker =
    jobs.length >= MIN_FOR_WORKER
      ? runInWorker(jobs, context, join(import.meta.dirname, "emit-worker.ts"))
      : [];
  const written = new Map<string, string>();
  for (const [i, job] of jobs.entries()) {
    if (!onWorker[i]) {
      try {
        emitShare([job], context, () => {}, false);
      } catch (error) {
        // No stale body is left to be taken for this page.
        for (const file of Object.values(bodyFiles(job.slug)))
          rmSync(join(dirs.generated, file), { force: true });
        throw error;
      }
    }
    written.set(job.slug, bodyOf(job.slug) as string);
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
