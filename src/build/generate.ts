// Turns every source in content/reports into the generated files the site is built from:
// .generated/reports/<slug>.mdx (the page body as MDX), .generated/bodies/<slug>.html (that MDX
// file compiled to HTML, see src/emit/mdx-to-html.ts) and .generated/digests/<slug>.json (the digest).
// An ejected body that needs the MDX compiler goes to .generated/mdx-pages/ for @astrojs/mdx.
// Parses are cached by content hash, and files are only rewritten when their bytes change, so a
// rebuild after editing one report re-parses one report and Astro's content cache sees one change.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join, relative } from "node:path";
import { termFinder } from "../ingest/glossary.ts";
import { slugFromPath } from "../ingest/ids.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { shardCount } from "../search/pagefind-index.ts";
import { type BuildShard, inShard } from "./build-mode.ts";
import { fileCache, keyOf, moduleGraphHash } from "./cache.ts";
import { type ReportHead, readDigestFile } from "./digest-store.ts";
import type { PageJob } from "./emit-pages.ts";
import { bodyFiles, generatedFiles, writeIfChanged } from "./generated-files.ts";
import { idHistoryPath, registryKey, withRememberedIds } from "./id-history.ts";
import { layout } from "./layout.ts";
import { lazyModule } from "./lazy-module.ts";
import { ingest, parseCached, parseKey } from "./parse-cache.ts";
import { type ParseJob, warmParseCache } from "./parse-workers.ts";
import { readSourceStates, type SourceState, sourceSeen } from "./source-states.ts";

export const SOURCE_EXTENSIONS = [".txt", ".md", ".html", ".htm"];

// The code behind each cached stage, found by following imports: parse + annotate, and emit (the
// MDX page and its HTML: the emitter, the report vocabulary's markup, the glossary's matcher).
const INGEST_CODE = join(import.meta.dirname, "../ingest/index.ts");
const EMIT_CODE = join(import.meta.dirname, "emit-pages.ts");

/** One content problem, as a complete line naming the file (and line): "content/reports/x.txt:3: …". */
export interface ContentProblem {
  file: string;
  message: string;
  /** A warning about a source unchanged since the last generate (its parse was kept). */
  unchanged?: boolean;
}

/** The slug of the report a problem's file is the source (or ejected body) of, as the parser names it. */
export const slugOfProblem = (problem: ContentProblem): string => slugFromPath(problem.file);

/** A report as generate() made it: what lists show, the key of its digest, and the digest itself. */
export interface GeneratedReport {
  slug: string;
  head: ReportHead;
  /** Changes whenever the digest does. */
  key: string;
  /** The full digest, read only when asked for (an unchanged report's never is in a rebuild). */
  digest: () => ReportDigest;
}

export interface GenerateResult {
  reports: GeneratedReport[];
  errors: ContentProblem[];
  warnings: ContentProblem[];
  parsed: number;
  cached: number;
  /** Of the reports parsed, how many a worker thread parsed. */
  parsedInParallel: number;
  /** Sources left out for now (see GenerateOptions.defer). */
  deferred: string[];
  /** Milliseconds spent parsing (or reading cached parses) and emitting/writing MDX. */
  timings: { parseMs: number; emitMs: number };
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
  /**
   * Called once every digest is on disk, before the MDX and HTML are emitted, with each report's
   * slug and digest key: the build starts the search index then, beside the rest of the work.
   */
  onDigestsWritten?: (reports: { slug: string; key: string }[]) => void;
  /**
   * Write the reports without content errors even when others have some (astro dev: the other
   * pages keep working while one file is being fixed). A build writes nothing then.
   */
  partial?: boolean;
  /**
   * Sources to leave out of this generation, for astro dev to parse in the background (its first
   * start on reports it has never generated: see src/build/deferred-reports.ts). `unparsed` lists
   * the sources not unchanged since the last generate (read and hashed only if called); returns
   * those to leave out (result.deferred).
   */
  defer?: (unparsed: () => string[]) => Iterable<string>;
  /** Only the reports of this build shard (src/build/build-mode.ts says which). */
  shard?: BuildShard;
}

export function listSources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => SOURCE_EXTENSIONS.includes(extname(name).toLowerCase()) && !name.startsWith("."))
    .sort()
    .map((name) => join(dir, name));
}

/** The emitter, loaded when a page is emitted or an ejected body checked (see lazy-module.ts). */
const emitter = lazyModule<typeof import("./emit-pages.ts")>("./emit-pages.ts", import.meta.url);

/** The glossary's text, if the project has one. */
export const readGlossary = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : undefined);

/** What parsing a project's reports into its parse cache needs (the cache, the code's key, the glossary). */
export function parseJob(root: string): ParseJob {
  const p = layout(root);
  // The glossary is part of what a parse computes (each block's terms), so it is in the parse key.
  const glossary = readGlossary(p.glossary);
  return {
    root,
    cacheDir: p.parseCache,
    ingestCode: keyOf(moduleGraphHash(INGEST_CODE), glossary ?? ""),
    glossary,
  };
}

export const headOf = ({ slug, title, meta }: ReportDigest): ReportHead => ({ slug, title, meta });

/**
 * A digest read back from its file. Made outside the caller's scope: a closure there would share
 * its context with the report just written, and so keep that report's parsed digest alive (1,000
 * of them: ~0.3 GB through Astro's whole render).
 */
const readBack = (path: string) => () => readDigestFile(path);

export function generate({
  root,
  write = true,
  recordIds = write,
  onProgress,
  onDigestsWritten,
  partial = false,
  defer,
  shard,
}: GenerateOptions): GenerateResult {
  const p = layout(root);
  const everySource = listSources(p.reports);
  // A report's shard follows from its file name (its slug) and the number of sources: no parse.
  const sources = shard
    ? everySource.filter((file) => inShard(slugFromPath(file), everySource.length, shard))
    : everySource;
  if (shard && everySource.length && !sources.length)
    throw new Error(
      `build shard ${shard.index}/${shard.count} has no reports: ${everySource.length} reports make ${shardCount(everySource.length)} search shards, and a build shard holds whole ones; use at most that many build shards`,
    );
  const result: GenerateResult = {
    reports: [],
    errors: [],
    warnings: [],
    parsed: 0,
    cached: 0,
    parsedInParallel: 0,
    deferred: [],
    timings: { parseMs: 0, emitMs: 0 },
  };
  const parseStarted = performance.now();
  const bySlug = new Map<string, string>();
  const idHistories = new Map<string, string>();
  const parseCache = fileCache(p.parseCache, ".json");
  const job = parseJob(root);
  const { glossary, ingestCode } = job;
  const findTerms = termFinder(glossary);
  const parseKeys = new Set<string>();
  const previousStates = readSourceStates(p.sources);
  const sourceKeys = new Map<string, { seen: string; parseKey: string }>();
  /** A source's parse key: its last state's while sourceSeen() is unchanged, otherwise its bytes'. */
  const keyOfSource = (file: string) => {
    let known = sourceKeys.get(file);
    if (!known) {
      const seen = sourceSeen(file, ingestCode);
      const before = previousStates[relative(root, file)];
      const key =
        before?.seen === seen ? before.parseKey : parseKey(root, file, readFileSync(file), ingestCode);
      known = { seen, parseKey: key };
      sourceKeys.set(file, known);
    }
    return known;
  };
  const deferred = new Set(defer?.(() => sources.filter((file) => !generatedBefore(file))));
  result.deferred = [...deferred];
  // A second core parses half of the reports not in the cache; the loop below then reads them.
  const generated = sources.filter((file) => !deferred.has(file));
  const warmed = warmParseCache(generated, job, (file) => keyOfSource(file).parseKey);
  const states: Record<string, SourceState> = {};
  if (write) {
    for (const dir of [p.mdx, p.bodies, p.mdxPages, p.digests]) mkdirSync(dir, { recursive: true });
  }
  const files = generatedFiles(p);
  // A build writes each digest as soon as it has it and reads it back when it is needed again:
  // holding every digest until all are parsed took ~0.3 GB a 1,000 reports. (astro dev, which
  // leaves out failing reports once all are read, keeps them in memory: its sites are small.)
  const streamDigests = write && !partial;
  const written = (report: GeneratedReport): GeneratedReport => {
    const file = `digests/${report.slug}.json`;
    files.put(file, report.key, () => JSON.stringify(report.digest()));
    return { ...report, digest: readBack(join(p.generated, file)) };
  };

  /** The report of a source read in full: parsed (or from the parse cache), its ids remembered. */
  const readReport = (file: string, bytes: Uint8Array, name: string) => {
    const parsed = parseCached(root, file, bytes, parseCache, ingestCode, findTerms);
    if (parsed.cached) result.cached++;
    else result.parsed++;
    const digest = withRememberedIds(parsed.digest, p.ids, idHistories);
    // Remembered ids change the digest (section aliases) without changing the source.
    const key = keyOf(parsed.key, JSON.stringify(digest.sections.map((s) => [s.id, s.aliases])));
    states[name] = {
      seen: keyOfSource(file).seen,
      parseKey: parsed.key,
      registry: "",
      // Nothing to record without a registry (a benchmark's folder of sources).
      recorded: recordIds || !p.ids,
      key,
      head: headOf(digest),
      warnings: parsed.warnings,
    };
    return { slug: digest.slug, head: headOf(digest), key, digest: () => digest };
  };

  /**
   * Whether a source is unchanged since the last generate wrote its outputs. One parsed but never
   * emitted (a dev server stopped before its background parse was done) counts as new: emitting a
   * page costs more than parsing its report.
   */
  function generatedBefore(file: string): boolean {
    return previousStates[relative(root, file)]?.parseKey === keyOfSource(file).parseKey;
  }

  generated.forEach((file, i) => {
    const name = relative(root, file);
    try {
      const { seen, parseKey: key } = keyOfSource(file);
      let read: Uint8Array | undefined;
      const bytes = () => (read ??= readFileSync(file));
      parseKeys.add(key);
      const before = previousStates[name];
      let report: GeneratedReport;
      const unchanged =
        before?.parseKey === key &&
        (before.recorded || !recordIds) &&
        before.registry === registryKey(p.ids, before.head.slug) &&
        existsSync(join(p.digests, `${before.head.slug}.json`));
      if (unchanged && before) {
        result.cached++;
        // Its bytes are the same; its stat may be new (a file copied, or saved unchanged).
        states[name] = { ...before, seen };
        // Read in full only if an output has to be written again.
        let full: GeneratedReport | undefined;
        report = {
          slug: before.head.slug,
          head: before.head,
          key: before.key,
          digest: () => {
            if (!full) {
              result.cached--; // readReport counts it again, as parsed or cached
              full = readReport(file, bytes(), name);
            }
            return full.digest();
          },
        };
      } else report = readReport(file, bytes(), name);
      for (const message of states[name]?.warnings ?? [])
        result.warnings.push({ file: name, message, ...(unchanged ? { unchanged } : {}) });
      const clash = bySlug.get(report.slug);
      if (clash) {
        result.errors.push({
          file: name,
          message: `${name}: would get the page address /reports/${report.slug}/, already taken by ${clash}; rename one of them`,
        });
      } else {
        bySlug.set(report.slug, name);
        result.reports.push(streamDigests ? written(report) : report);
      }
    } catch (error) {
      // One bad file is reported with the others and never stops or corrupts the rest.
      // The parser's class (its module is loaded apart, see lazy-module.ts).
      if (error instanceof ingest().ReportInputError) {
        result.errors.push({ file: name, message: error.message });
      } else {
        const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
        result.errors.push({ file: name, message: `${name}: internal error while parsing: ${reason}` });
      }
    }
    onProgress?.(i + 1, generated.length);
  });

  for (const { slug } of result.reports) {
    const ejected = p.ejected(slug);
    const problem = existsSync(ejected) ? emitter().checkEjected(root, ejected) : undefined;
    if (problem) result.errors.push({ file: relative(root, ejected), message: problem });
  }
  // An ejected body whose report is gone (renamed, deleted, or failing above) is not on any page.
  const slugs = new Set(result.reports.map((r) => r.slug));
  for (const name of existsSync(p.reports) ? readdirSync(p.reports) : []) {
    if (!name.endsWith(".mdx") || slugs.has(name.slice(0, -4))) continue;
    if (shard && !inShard(name.slice(0, -4), everySource.length, shard)) continue;
    const file = relative(root, join(p.reports, name));
    if (!result.errors.some((e) => e.file.replace(/\.[^.]+$/u, "") === file.slice(0, -4))) {
      result.warnings.push({
        file,
        message: `${file}: no report has the slug "${name.slice(0, -4)}", so this ejected page body is unused`,
      });
    }
  }

  // Reports parsed just before the loop were read by it from the cache, but were parsed now.
  result.parsed += warmed.parsed;
  result.cached -= warmed.parsed;
  result.parsedInParallel = warmed.onWorker;
  result.timings.parseMs = performance.now() - parseStarted;
  const emitStarted = performance.now();
  if (partial && result.errors.length) {
    // A report whose source or ejected body has an error is left out, as if it were not there.
    const failing = new Set(result.errors.map(slugOfProblem));
    result.reports = result.reports.filter((r) => !failing.has(r.slug));
  }
  if (write && (partial || result.errors.length === 0)) {
    if (recordIds && p.ids) mkdirSync(p.ids, { recursive: true });
    // The MDX and its HTML depend on the digest (or the ejected MDX), the glossary and the emitter.
    const emitVersion = keyOf(moduleGraphHash(EMIT_CODE), glossary ?? "");
    if (!streamDigests) for (const report of result.reports) written(report);
    onDigestsWritten?.(result.reports.map(({ slug, key }) => ({ slug, key })));
    const jobs: PageJob[] = [];
    const pageKeys = new Map<string, string>();
    for (const { slug, key: digestKey } of result.reports) {
      const ejectedFile = p.ejected(slug);
      const ejected = existsSync(ejectedFile);
      const key = ejected
        ? keyOf(emitVersion, "ejected", readFileSync(ejectedFile))
        : keyOf(emitVersion, digestKey);
      pageKeys.set(slug, key);
      const { html, mdxPage } = bodyFiles(slug);
      if (!files.kept([`reports/${slug}.mdx`], key) || !files.kept([html, mdxPage], key))
        jobs.push({ slug, ejected });
      const history = idHistories.get(slug);
      if (history && recordIds && p.ids) writeIfChanged(idHistoryPath(p.ids, slug), history);
    }
    for (const [slug, body] of jobs.length ? emitter().emitPages(jobs, { root, glossary }) : []) {
      const key = pageKeys.get(slug) ?? "";
      files.record(`reports/${slug}.mdx`, key);
      files.record(body, key);
    }
    // What lists and links show of every report, in one small file (src/build/digest-store.ts).
    writeIfChanged(p.heads, JSON.stringify(result.reports.map((r) => r.head)));
    // Each source's state once its outputs and its id registry are written.
    for (const state of Object.values(states)) state.registry = registryKey(p.ids, state.head.slug);
    writeFileSync(p.sources, JSON.stringify(states));
    files.finish();
    // Parses of earlier versions of the reports (or of the parser) are never read again; while
    // reports are deferred, their parses are being written in the background.
    if (!deferred.size) parseCache.retainOnly(parseKeys);
  }
  result.timings.emitMs = performance.now() - emitStarted;
  return result;
}

export const formatProblem = (p: ContentProblem, severity: "error" | "warning") =>
  `${severity}: ${p.message}`;
