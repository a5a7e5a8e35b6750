// Turns every source in content/reports into the generated files the Astro collections read:
// .generated/reports/<slug>.mdx (the page body) and .generated/digests/<slug>.json (the digest).
// Parses are cached by content hash, and files are only rewritten when their bytes change, so a
// rebuild after editing one report re-parses one report and Astro's content cache sees one change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { mdxToMdast } from "satteri";
import { digestToMdx, type EmitOptions } from "../emit/mdx.ts";
import { ReportInputError } from "../ingest/errors.ts";
import { createTermMatcher, loadGlossary } from "../ingest/glossary.ts";
import { parseReport } from "../ingest/index.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { idHistoryPath, loadIdHistory, rememberIds, serializeIdHistory } from "./id-history.ts";

export const SOURCE_EXTENSIONS = [".txt", ".md", ".html", ".htm"];
/**
 * A fingerprint of the parser's own code and lexicons: cached digests are only reused while the
 * code that made them is unchanged.
 */
function pipelineFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
        hash.update(entry.name).update(readFileSync(path));
      }
    }
  };
  visit(join(import.meta.dirname, "../ingest"));
  return hash.digest("hex");
}

/** One content problem, as a complete line naming the file (and line): "content/reports/x.txt:3: …". */
export interface ContentProblem {
  file: string;
  message: string;
}

export interface GenerateResult {
  digests: ReportDigest[];
  errors: ContentProblem[];
  warnings: ContentProblem[];
  parsed: number;
  cached: number;
}

export interface GenerateOptions {
  root: string;
  /** Write generated files (false: validate only, for `npm run check`). */
  write?: boolean;
  /**
   * Update the id registry (content/ids) with this build's ids. Builds that publish do; `astro dev`
   * does not, so the drafts of a paragraph being edited are not remembered as published ids.
   */
  recordIds?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export const paths = (root: string) => ({
  // REPORTS_DIR builds another folder of sources (benchmarks with ../shared/corpus) without touching content/.
  reports: process.env.REPORTS_DIR ? resolve(root, process.env.REPORTS_DIR) : join(root, "content/reports"),
  glossary: join(root, "content/glossary.yml"),
  /**
   * The committed id registry: every id each report has had (see id-history.ts). None for another
   * folder of sources: a benchmark's ids are nobody's links.
   */
  ids: process.env.REPORTS_DIR ? undefined : join(root, "content/ids"),
  generated: join(root, ".generated"),
  mdx: join(root, ".generated/reports"),
  digests: join(root, ".generated/digests"),
  cache: join(root, ".cache/parse"),
});

export function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => SOURCE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith("."))
    .sort()
    .map((name) => join(dir, name));
}

/** Writes a file only when its content differs, so unchanged outputs keep their mtimes and caches. */
function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === content) return;
  writeFileSync(path, content);
}

function glossaryMatcher(path: string): EmitOptions["findTerms"] {
  if (!existsSync(path)) return undefined;
  return createTermMatcher(loadGlossary(readFileSync(path, "utf8")));
}

/** The MDX page body for a digest, glossary terms marked. */
export function reportEmitter(root: string): (digest: ReportDigest) => string {
  const findTerms = glossaryMatcher(paths(root).glossary);
  return (digest) => digestToMdx(digest, { findTerms });
}

/** An editor's hand-kept MDX (`npm run eject`) that replaces the generated body of that report. */
export const ejectedPath = (root: string, slug: string) => join(paths(root).reports, `${slug}.mdx`);

/** Checks ejected MDX compiles; the message names the file and line like every content error. */
function checkEjected(root: string, path: string): string | undefined {
  try {
    mdxToMdast(readFileSync(path, "utf8"), { features: { gfm: false }, position: false });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /^(\d+):(\d+): /.exec(message);
    return `${relative(root, path)}${at ? `:${at[1]}` : ""}: MDX does not compile: ${at ? message.slice(at[0].length) : message}`;
  }
}

function parseCached(root: string, file: string, bytes: Uint8Array, cacheDir: string, pipeline: string) {
  const key = createHash("sha256").update(pipeline).update(file).update(bytes).digest("hex").slice(0, 24);
  const cachePath = join(cacheDir, `${key}.json`);
  if (existsSync(cachePath)) {
    return {
      ...(JSON.parse(readFileSync(cachePath, "utf8")) as ReturnType<typeof parseReport>),
      cached: true,
    };
  }
  // Parsed under its path relative to the project, so every message names "content/reports/…".
  const result = parseReport({ bytes, path: relative(root, file) });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cachePath, JSON.stringify(result));
  return { ...result, cached: false };
}

/**
 * The digest with the ids its report had before kept as section aliases (from the report's id
 * registry); the registry's next text goes into `histories`, written with the other outputs.
 */
function withRememberedIds(
  digest: ReportDigest,
  dir: string | undefined,
  histories: Map<string, string>,
): ReportDigest {
  if (!dir) return digest;
  const registry = loadIdHistory(idHistoryPath(dir, digest.slug));
  const { sections, history } = rememberIds(digest.sections, digest.stats, registry);
  histories.set(digest.slug, serializeIdHistory(history));
  return { ...digest, sections };
}

export function generate({
  root,
  write = true,
  recordIds = write,
  onProgress,
}: GenerateOptions): GenerateResult {
  const p = paths(root);
  const sources = listSources(p.reports);
  const result: GenerateResult = { digests: [], errors: [], warnings: [], parsed: 0, cached: 0 };
  const bySlug = new Map<string, string>();
  const idHistories = new Map<string, string>();
  const pipeline = pipelineFingerprint();

  sources.forEach((file, i) => {
    const name = relative(root, file);
    try {
      const parsed = parseCached(root, file, readFileSync(file), p.cache, pipeline);
      if (parsed.cached) result.cached++;
      else result.parsed++;
      for (const message of parsed.warnings) result.warnings.push({ file: name, message });
      const digest = withRememberedIds(parsed.digest, p.ids, idHistories);
      const clash = bySlug.get(digest.slug);
      if (clash) {
        result.errors.push({
          file: name,
          message: `${name}: would get the page address /reports/${digest.slug}/, already taken by ${clash}; rename one of them`,
        });
      } else {
        bySlug.set(digest.slug, name);
        result.digests.push(digest);
      }
    } catch (error) {
      // One bad file is reported with the others and never stops or corrupts the rest.
      if (error instanceof ReportInputError) {
        result.errors.push({ file: name, message: error.message });
      } else {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        result.errors.push({ file: name, message: `${name}: internal error while parsing: ${reason}` });
      }
    }
    onProgress?.(i + 1, sources.length);
  });

  for (const digest of result.digests) {
    const ejected = ejectedPath(root, digest.slug);
    const problem = existsSync(ejected) ? checkEjected(root, ejected) : undefined;
    if (problem) result.errors.push({ file: relative(root, ejected), message: problem });
  }
  // An ejected body whose report is gone (renamed, deleted, or failing above) is not on any page.
  const slugs = new Set(result.digests.map((d) => d.slug));
  for (const name of existsSync(p.reports) ? readdirSync(p.reports) : []) {
    if (!name.endsWith(".mdx") || slugs.has(name.slice(0, -4))) continue;
    const file = relative(root, join(p.reports, name));
    if (!result.errors.some((e) => e.file.replace(/\.[^.]+$/u, "") === file.slice(0, -4))) {
      result.warnings.push({
        file,
        message: `${file}: no report has the slug "${name.slice(0, -4)}", so this ejected page body is unused`,
      });
    }
  }

  if (write && result.errors.length === 0) {
    const emit = reportEmitter(root);
    mkdirSync(p.mdx, { recursive: true });
    mkdirSync(p.digests, { recursive: true });
    if (recordIds && p.ids) mkdirSync(p.ids, { recursive: true });
    const keep = new Set<string>();
    for (const digest of result.digests) {
      keep.add(`${digest.slug}.mdx`).add(`${digest.slug}.json`);
      const ejected = ejectedPath(root, digest.slug);
      const body = existsSync(ejected) ? readFileSync(ejected, "utf8") : emit(digest);
      writeIfChanged(join(p.mdx, `${digest.slug}.mdx`), body);
      writeIfChanged(join(p.digests, `${digest.slug}.json`), JSON.stringify(digest));
      const history = idHistories.get(digest.slug);
      if (history && recordIds && p.ids) writeIfChanged(idHistoryPath(p.ids, digest.slug), history);
    }
    // Reports removed from content/ disappear from the site.
    for (const dir of [p.mdx, p.digests]) {
      for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(join(dir, name));
    }
  }
  return result;
}

export const formatProblem = (p: ContentProblem, severity: "error" | "warning") =>
  `${severity}: ${p.message}`;
