// Where a project keeps what builds make: the one place that names the files of .generated/ (what
// pages are rendered from, rewritten by every build) and of .cache/ (what only makes a build faster,
// safe to delete), and where the sources are read from.
import { join, resolve } from "node:path";

export const layout = (root: string) => {
  const generated = join(root, ".generated");
  const cache = join(root, ".cache");
  // REPORTS_DIR builds another folder of sources (benchmarks with ../shared/corpus) without touching content/.
  const reports = process.env.REPORTS_DIR
    ? resolve(root, process.env.REPORTS_DIR)
    : join(root, "content/reports");
  return {
    reports,
    /** An author's hand-kept MDX (`npm run eject`) that replaces the generated body of that report. */
    ejected: (slug: string) => join(reports, `${slug}.mdx`),
    glossary: join(root, "content/glossary.yml"),
    /**
     * The committed id registry: every id each report has had (see id-history.ts). None for another
     * folder of sources: a benchmark's ids are nobody's links.
     */
    ids: process.env.REPORTS_DIR ? undefined : join(root, "content/ids"),

    generated,
    /** Each report's MDX page: generated from its digest, or a copy of the ejected one. */
    mdx: join(generated, "reports"),
    /** Each page body as HTML, compiled from its MDX page. */
    bodies: join(generated, "bodies"),
    /** MDX pages that need @astrojs/mdx (the "reports" content collection). */
    mdxPages: join(generated, "mdx-pages"),
    digests: join(generated, "digests"),
    /** Every report's slug, title and front matter, for lists and links. */
    heads: join(generated, "heads.json"),
    /** The key each generated file was made from. */
    manifest: join(generated, "manifest.json"),
    /** What the last build remembers of each source (see generate.ts). */
    sources: join(generated, "sources.json"),

    cache,
    parseCache: join(cache, "parse"),
    mdxCompileCache: join(cache, "mdx-compile"),
    searchCache: join(cache, "search"),
    searchStage: join(cache, "search-stage"),
    /** `astro dev`'s search index and data files, rewritten with every regeneration. */
    devSite: join(cache, "dev-site"),
    stagingDist: join(cache, "staging-dist"),
    astroCache: join(cache, "astro"),
    buildLock: join(cache, "build.lock"),
  };
};

export type ProjectLayout = ReturnType<typeof layout>;

/** The generated files, as kinds of the manifest ("bodies/<slug>.html"). */
export const GENERATED_KINDS = ["reports", "bodies", "mdx-pages", "digests"] as const;
