// The Astro integration that makes `astro build` and `astro dev` the whole story: it generates the
// MDX, its HTML and the digests from content/ before Astro reads its collection, regenerates on
// content changes in dev, caches the MDX compile (of ejected pages that need it) between builds,
// and writes the search index (one document per report section) in its own process while the
// pages render (in dev, on every regeneration).
import { spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  watch,
  writeFileSync,
} from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setPriority } from "node:os";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { acquireBuildLock, BuildRunning } from "./build/build-lock.ts";
import { type BuildMode, buildMode, SHARD_FILE, type ShardManifest } from "./build/build-mode.ts";
import { coalesced } from "./build/coalesced.ts";
import { collectGarbage } from "./build/collect-garbage.ts";
import { DeferredReports } from "./build/deferred-reports.ts";
import { devErrorPage, problemsOf } from "./build/dev-error-page.ts";
import { keyedDigests } from "./build/digest-store.ts";
import {
  type ContentProblem,
  formatProblem,
  type GenerateOptions,
  type GenerateResult,
  generate,
  listSources,
  SOURCE_EXTENSIONS,
} from "./build/generate.ts";
import { DIGESTS_URL, readShardOutputs, takeDigests, takeShardPages } from "./build/join.ts";
import { layout } from "./build/layout.ts";
import { mdxCompileCache } from "./build/mdx-compile-cache.ts";
import { writeOgCards } from "./build/og-cards.ts";
import { sourcesState } from "./build/sources-state.ts";
import { shardCount, type WrittenIndex } from "./search/pagefind-index.ts";
import type { IndexRequest } from "./search/write-index-cli.ts";
import { SEARCH_DIR } from "./shared/shards.ts";

class ContentErrors extends Error {
  readonly problems: ContentProblem[];
  /** The generation's result, the good reports among it (astro dev writes those). */
  readonly result: GenerateResult;
  constructor(result: GenerateResult) {
    const problems = result.errors;
    const count = problems.length;
    super(
      `${count} content error${count > 1 ? "s" : ""} in content/reports (listed above); nothing was built.`,
    );
    this.name = "ContentErrors";
    this.problems = problems;
    this.result = result;
    // The list above is the message; a stack trace would only bury it.
    this.stack = "";
  }
}

type IndexedReportKey = { slug: string; key: string };

/** The slug of a report page's path ("/reports/<slug>/"), as written in the URL. */
const reportOfPath = (path: string) => /^\/reports\/([^/]+)\/(?:index\.html)?$/u.exec(path)?.[1];

/** Paths the dev server's watcher skips: .cache/, and .generated/ but for its MDX collection. */
const NOT_SOURCE = /[\\/](?:\.cache[\\/]|\.generated[\\/](?!mdx-pages[\\/]))/u;

/** astro dev: ids are not recorded (drafts are not published ids), and good reports are written. */
const DEV_GENERATE = { recordIds: false, partial: true } as const;

/** Warnings printed one by one; past them a count (`npm run check` lists every one). */
const WARNINGS_SHOWN = 20;

/**
 * Logs the warnings about sources that changed since the last generate (at most WARNINGS_SHOWN),
 * and counts the rest: a dev server re-saving one report, or a first build of 1,000, must not
 * bury its own messages under thousands of known warnings.
 */
function logWarnings(warnings: ContentProblem[], logger: AstroIntegrationLogger): void {
  const fresh = warnings.filter((w) => !w.unchanged);
  for (const w of fresh.slice(0, WARNINGS_SHOWN)) logger.warn(formatProblem(w, "warning"));
  const rest = warnings.length - Math.min(fresh.length, WARNINGS_SHOWN);
  if (rest > 0) {
    const files = new Set(warnings.map((w) => w.file)).size;
    logger.warn(`${rest} more warnings (${warnings.length} in ${files} files): npm run check lists them all`);
  }
}

/** generate() with the build's (or dev's) options, its progress and problems logged. */
function runGenerate(
  root: string,
  logger: AstroIntegrationLogger,
  options: Pick<GenerateOptions, "recordIds" | "onDigestsWritten" | "partial" | "defer" | "shard">,
): GenerateResult {
  const started = performance.now();
  let lastReport = 0;
  const result = generate({
    root,
    ...options,
    onProgress: (done, total) => {
      const now = performance.now();
      if (done === total || now - lastReport > 2000) {
        lastReport = now;
        logger.info(`parsed ${done}/${total} reports`);
      }
    },
  });
  logWarnings(result.warnings, logger);
  for (const e of result.errors) logger.error(formatProblem(e, "error"));
  if (result.errors.length) throw new ContentErrors(result);
  const deferred = result.deferred.length ? `, ${result.deferred.length} to parse in the background` : "";
  logger.info(
    `${result.reports.length} reports ready (${result.parsed} parsed${result.parsedInParallel ? `, ${result.parsedInParallel} of them on a second core` : ""}, ${result.cached} from cache${deferred}) in ${Math.round(performance.now() - started)} ms (parse ${Math.round(result.timings.parseMs)} ms, emit ${Math.round(result.timings.emitMs)} ms)`,
  );
  return result;
}

/**
 * astro dev's search index: every report section as its own pagefind record (see src/search/),
 * written by the index's own process, as in a build: in this one, building 1,000 reports' records
 * kept the server from answering for seconds after it started.
 */
async function indexForSearch(root: string, outDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  mkdirSync(outDir, { recursive: true });
  const listFile = join(outDir, "reports.json");
  const reports = [...keyedDigests(root)].map(({ slug, key }) => ({ slug, key }));
  const request: IndexRequest = { reports, cacheDir: join(outDir, "search-cache") };
  writeFileSync(listFile, JSON.stringify(request));
  const written = await runIndexWriter(root, outDir, listFile, { background: true });
  logger.info(`search index: ${indexSummary(written)} in ${Math.round(performance.now() - started)} ms`);
}

function indexSummary(written: WrittenIndex): string {
  const kept = written.shards - written.written;
  const reused = kept ? `, ${kept} of ${written.shards} shards kept from the last build` : "";
  return `pagefind: ${written.records} sections of ${written.reports} reports in ${written.shards} shard${written.shards > 1 ? "s" : ""}, ${Math.round(written.bytes / 1024)} KB${reused}`;
}

/**
 * Starts writing the search index in a separate process (it needs only the digests), so it runs
 * beside Astro's page rendering; resolves with its summary line once the index is complete.
 */
function startSearchIndex(root: string, stageDir: string, request: IndexRequest): Promise<WrittenIndex> {
  rmSync(stageDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  const listFile = join(stageDir, "reports.json");
  writeFileSync(listFile, JSON.stringify(request));
  return runIndexWriter(root, stageDir, listFile);
}

/**
 * Runs src/search/write-index-cli.ts on the request in `listFile`; resolves with what it wrote.
 * `background`: at the lowest CPU priority (astro dev, where it must not slow the pages being
 * served; a build wants both cores, the writer's and Astro's, at full speed).
 */
function runIndexWriter(
  root: string,
  siteDir: string,
  listFile: string,
  { background = false } = {},
): Promise<WrittenIndex> {
  // Its stdin is a pipe it watches: if this process dies (a build killed), so does the writer,
  // rather than write into the caches under the next build.
  const cli = join(root, "src/search/write-index-cli.ts");
  // Its heap holds one report's records at a time: small caps keep V8 from growing it to what the
  // build's own cap allows (a young generation of 16 MB semi-spaces and a heap it never gives back).
  const heap = ["--max-old-space-size=256", "--max-semi-space-size=4"];
  const child = spawn(process.execPath, [...heap, cli, root, siteDir, listFile], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  // Inherited by the pagefind process it starts.
  if (background && child.pid !== undefined) {
    try {
      setPriority(child.pid, 19);
    } catch {
      // Not allowed here: it runs at normal priority, only slower to share.
    }
  }
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk) => {
    out += chunk;
  });
  child.stderr.on("data", (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(out) as WrittenIndex);
      else reject(new Error(`search index failed (exit ${code}): ${err.trim().split("\n")[0] ?? ""}`));
    });
  });
}

/** What the dev server says a served index or data file is (pagefind.js must be served as a script). */
const contentType = (file: string) =>
  file.endsWith(".js")
    ? "text/javascript; charset=utf-8"
    : file.endsWith(".json")
      ? "application/json; charset=utf-8"
      : "application/octet-stream";

/** The digests are copied rather than rendered by 1,000 pages that would only read and return a file (~3.5 s). */
function copyDigests(root: string, siteDir: string): void {
  const from = layout(root).digests;
  const to = join(siteDir, DIGESTS_URL);
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from))
    if (name.endsWith(".json")) copyFileSync(join(from, name), join(to, name));
}

/**
 * Deletes directories in a detached process: removing the previous site (16,000 files at 1,000
 * reports) took ~2 s of every build, and nobody needs to wait for it.
 */
function removeInBackground(dirs: string[]): void {
  if (!dirs.length) return;
  const script =
    "for (const d of process.argv.slice(1)) require('node:fs').rmSync(d, { recursive: true, force: true })";
  spawn(process.execPath, ["-e", script, ...dirs], { detached: true, stdio: "ignore" }).unref();
}

/** Replaces `target` with the finished `staged` directory, never leaving a half-written site. */
function publish(staged: string, target: string): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const prefix = `${basename(target)}.previous-`;
  // Left over by an earlier build whose background removal did not finish.
  const stale = readdirSync(parent).filter((name) => name.startsWith(prefix));
  const previous = join(parent, `${prefix}${Date.now()}`);
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staged, target);
  removeInBackground([previous, ...stale.map((name) => join(parent, name))].filter((d) => existsSync(d)));
}

export default function reportDigest(): AstroIntegration {
  let root = process.cwd();
  let outDir = "";
  let stagingDir = "";
  let searchIndex: { stage: string; started: number; done: Promise<WrittenIndex> } | undefined;
  let mode: BuildMode = { kind: "site" };
  let siteShards = 0;
  let releaseLock: (() => void) | undefined;
  // In dev: the content errors of the last regeneration, shown on their reports' pages.
  let devProblems: ContentProblem[] = [];
  let deferred: DeferredReports | undefined;
  /** astro dev's generation: the good reports written, the errors kept for their pages. */
  const generateForDev = (logger: AstroIntegrationLogger) => {
    deferred ??= new DeferredReports(root);
    let result: GenerateResult;
    try {
      result = runGenerate(root, logger, { ...DEV_GENERATE, defer: deferred.options() });
      devProblems = [];
    } catch (error) {
      if (!(error instanceof ContentErrors)) throw error;
      result = error.result;
      devProblems = error.problems;
    }
    deferred.update(result.deferred);
  };
  return {
    name: "report-digest",
    hooks: {
      "astro:config:setup": ({ config, command, logger, updateConfig }) => {
        root = fileURLToPath(config.root);
        if (command !== "build") {
          // A content error must not keep the dev server from starting: the report's page says
          // what is wrong, the other pages serve what was generated last.
          generateForDev(logger);
          // What the integration writes (caches, the dev search index, generated files pages read
          // with fs) is not source: watching it would hand Vite tens of thousands of file events
          // per index write. The generated MDX collection stays watched for its loader. The
          // reports are no modules either: astro:server:setup watches their folder itself.
          const reports = layout(root).reports;
          const inReports = (file: string) => file === reports || file.startsWith(`${reports}${sep}`);
          updateConfig({ vite: { server: { watch: { ignored: [NOT_SOURCE, inReports] } } } });
          return;
        }
        try {
          releaseLock = acquireBuildLock(root);
        } catch (error) {
          // The sentence is the message; a stack trace would only bury it.
          if (error instanceof BuildRunning) error.stack = "";
          throw error;
        }
        mode = buildMode();
        if (mode.kind === "join") {
          // The listing and data pages are built from every shard's digests; the rest is the shards'.
          readShardOutputs(mode.dirs);
          logger.info(`join: ${takeDigests(root, mode.dirs)} reports from ${mode.dirs.length} shards`);
        } else {
          const { shard } = mode.kind === "shard" ? mode : {};
          // A shard's search bundles are the site's: as many as the whole site has.
          siteShards = shardCount(listSources(layout(root).reports).length);
          const shards = shard && siteShards;
          // The search index needs only the digests: its own process writes it from the moment
          // they are on disk, while the MDX and HTML are emitted and Astro bundles and renders, so
          // the work uses both cores instead of one after the other.
          const startIndex = (reports: IndexedReportKey[]) => {
            const stage = layout(root).searchStage;
            const done = startSearchIndex(root, stage, { reports, shards });
            searchIndex = { stage, started: performance.now(), done };
            // Settled here too, so a failure is reported in build:done rather than as an unhandled rejection.
            searchIndex.done.catch(() => {});
          };
          runGenerate(root, logger, { recordIds: true, onDigestsWritten: startIndex, shard });
        }
        // Astro writes into a staging directory; the finished site replaces outDir only when the
        // whole build, search index included, succeeded, so a failed build never damages a good dist/.
        outDir = fileURLToPath(config.outDir).replace(/\/$/, "");
        stagingDir = layout(root).stagingDist;
        rmSync(stagingDir, { recursive: true, force: true });
        updateConfig({
          outDir: pathToFileURL(`${stagingDir}/`),
          vite: {
            plugins: [
              mdxCompileCache({
                root,
                onMissing: () =>
                  logger.warn("MDX compile cache off: @astrojs/mdx's compile plugin was not found"),
              }),
            ],
          },
        });
      },
      "astro:server:setup": async ({ server, logger, refreshContent }) => {
        const dir = layout(root).reports;
        // In dev the search index lives in .cache/dev-site and is rewritten with every regeneration;
        // the server does not wait for it (pages serve at once, search a moment later).
        const devSite = layout(root).devSite;
        const indexing = coalesced(() => indexForSearch(root, devSite, logger));
        indexing.request().catch((error) => logger.error(`search index: ${String(error)}`));
        // The files a build writes beside the pages, served from where they are made.
        const served: Array<[prefix: string, dir: string]> = [
          [`/${SEARCH_DIR}/`, join(devSite, SEARCH_DIR)],
          [`/${DIGESTS_URL}/`, layout(root).digests],
        ];
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? "").split("?")[0] ?? "";
          const report = reportOfPath(path);
          // A report still waiting for the background parse is parsed now, on its own, before
          // its page (the search index follows; the page is not reloaded).
          if (report && deferred?.ask(decodeURIComponent(report))) {
            generateForDev(logger);
            routesChanged();
            indexing.request().catch((error) => logger.error(`search index: ${String(error)}`));
          }
          serve(req, res, next);
        });
        const serve = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => {
          const path = (req.url ?? "").split("?")[0] ?? "";
          const report = reportOfPath(path);
          const problems = report ? problemsOf(devProblems, decodeURIComponent(report)) : [];
          if (problems.length) {
            res.statusCode = 500;
            res.setHeader("content-type", "text/html; charset=utf-8");
            res.end(devErrorPage(problems));
            return;
          }
          const [prefix, base] = served.find(([p]) => path.startsWith(p)) ?? [];
          if (!prefix || !base) return next();
          const file = join(base, decodeURIComponent(path.slice(prefix.length)));
          if (!file.startsWith(`${base}/`) || !existsSync(file)) return next();
          res.setHeader("content-type", contentType(file));
          res.end(readFileSync(file));
        };
        // The report pages' paths come from the generated heads, which Astro's content store does
        // not see: its route cache (getStaticPaths) is cleared as on a content change, so a report
        // added (or parsed in the background) gets its page and its neighbours' links.
        const routesChanged = () => {
          for (const environment of Object.values(server.environments))
            if (environment.name !== "client") environment.hot.send("astro:content-changed", {});
        };
        const sourcesNow = () => sourcesState(dir, [layout(root).glossary]);
        let generatedFrom = sourcesNow();
        const regenerate = async () => {
          generatedFrom = sourcesNow();
          try {
            generateForDev(logger);
            routesChanged();
            await indexing.request();
            // A full refresh (the one collection is mdx-pages): one filtered by loader keeps the
            // glob loader's previous watcher listeners, and after a few saves a dozen of them race
            // to reload and drop the same entry ("Entry … was not found").
            await refreshContent?.({});
          } catch (error) {
            logger.error(String(error instanceof Error ? error.message : error));
          }
          // Report bodies are files the pages read, not modules Vite watches: reload open pages
          // (a page with a content error shows it; fixed, it shows the report again).
          server.ws.send({ type: "full-reload" });
        };
        // One regeneration at a time: saves that arrive while one runs are taken by one more run
        // after it (an editor saving in bursts never has two writers on .generated/ or the index).
        const regenerations = coalesced(regenerate);
        if (deferred?.count) {
          const started = performance.now();
          const count = deferred.count;
          deferred
            .parseInBackground()
            .then(() => {
              logger.info(
                `${count} reports parsed in the background in ${Math.round(performance.now() - started)} ms`,
              );
              return regenerations.request();
            })
            .catch((error) => logger.error(`background parse: ${String(error)}`));
        }
        // Sources, and ejected page bodies (<slug>.mdx) that replace the generated ones, by one
        // watch of their folder: Vite's watcher set one up per file, 1,000 at every start. (A
        // folder made later is seen by the poll below.)
        const onSource = (_event: string, name: string | null) => {
          if ([...SOURCE_EXTENSIONS, ".mdx"].some((ext) => name?.toLowerCase().endsWith(ext)))
            regenerations.request();
        };
        const sources = existsSync(dir) ? watch(dir, onSource) : undefined;
        // The folder removed: the poll goes on looking.
        sources?.on("error", () => sources.close());
        const glossary = layout(root).glossary;
        server.watcher.add(glossary);
        const onGlossary = (file: string) => {
          if (file === glossary) regenerations.request();
        };
        // The safety net for saves the watchers do not report (src/build/sources-state.ts).
        const poll = setInterval(() => {
          if (sourcesNow() !== generatedFrom) regenerations.request();
        }, 1000);
        poll.unref();
        server.httpServer?.on("close", () => {
          clearInterval(poll);
          sources?.close();
        });
        server.watcher.on("change", onGlossary);
        server.watcher.on("add", onGlossary);
        server.watcher.on("unlink", onGlossary);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const built = fileURLToPath(dir).replace(/\/$/, "");
        if (mode.kind === "join") takeShardPages(built, mode.dirs, readShardOutputs(mode.dirs));
        else {
          // Started with the build in astro:config:setup.
          if (!searchIndex) throw new Error("report-digest: the search index was never started");
          // Drawn while the index's own process may still be writing: the two use both cores.
          const started = performance.now();
          const cards = writeOgCards(root, built, keyedDigests(root));
          if (cards)
            logger.info(
              `share cards: ${cards.total} (${cards.drawn} drawn) in ${Math.round(performance.now() - started)} ms`,
            );
          else
            logger.warn(
              "share cards (og:image) left out: no CJK font found (Debian: apt-get install fonts-noto-cjk)",
            );
          // Nothing more is built here: give back what rendering left behind while the index finishes.
          collectGarbage();
          const written = await searchIndex.done;
          rmSync(join(built, SEARCH_DIR), { recursive: true, force: true });
          renameSync(join(searchIndex.stage, SEARCH_DIR), join(built, SEARCH_DIR));
          logger.info(
            `search index: ${indexSummary(written)}, ready ${Math.round(performance.now() - searchIndex.started)} ms after it started (beside the page build)`,
          );
          if (mode.kind === "shard") {
            const manifest: ShardManifest = {
              shard: mode.shard.index,
              of: mode.shard.count,
              bundles: siteShards,
              written: written.keys,
            };
            writeFileSync(join(built, SHARD_FILE), JSON.stringify(manifest));
          }
        }
        copyDigests(root, built);
        if (stagingDir && built === stagingDir) {
          publish(stagingDir, outDir);
          logger.info(`site written to ${outDir}`);
        }
        releaseLock?.();
      },
    },
  };
}
