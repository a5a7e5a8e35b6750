// The Astro integration that makes `astro build` and `astro dev` the whole story: it generates the
// MDX and digests from content/ before Astro reads its collections, regenerates on content changes
// in dev, and writes the search index (one document per report section) after the build (in dev,
// on every regeneration).
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { AstroIntegration, AstroIntegrationLogger } from "astro";
import { digestsDir, readDigests } from "./build/digest-store.ts";
import { formatProblem, generate, paths, SOURCE_EXTENSIONS } from "./build/generate.ts";
import { writeSearchIndex } from "./search/index-write.ts";

class ContentErrors extends Error {
  constructor(count: number) {
    super(
      `${count} content error${count > 1 ? "s" : ""} in content/reports (listed above); nothing was built.`,
    );
    this.name = "ContentErrors";
    // The list above is the message; a stack trace would only bury it.
    this.stack = "";
  }
}

function runGenerate(root: string, logger: AstroIntegrationLogger, recordIds: boolean): void {
  const started = performance.now();
  let lastReport = 0;
  const result = generate({
    root,
    recordIds,
    onProgress: (done, total) => {
      const now = performance.now();
      if (done === total || now - lastReport > 2000) {
        lastReport = now;
        logger.info(`parsed ${done}/${total} reports`);
      }
    },
  });
  for (const w of result.warnings) logger.warn(formatProblem(w, "warning"));
  for (const e of result.errors) logger.error(formatProblem(e, "error"));
  if (result.errors.length) throw new ContentErrors(result.errors.length);
  logger.info(
    `${result.digests.length} reports ready (${result.parsed} parsed, ${result.cached} from cache) in ${Math.round(performance.now() - started)} ms (parse ${Math.round(result.timings.parseMs)} ms, emit ${Math.round(result.timings.emitMs)} ms)`,
  );
}

/** Indexes every report section as its own search document (see src/search/), not whole pages. */
function indexForSearch(root: string, outDir: string, logger: AstroIntegrationLogger): void {
  const started = performance.now();
  const written = writeSearchIndex(readDigests(digestsDir(root)), outDir);
  logger.info(
    `search index: ${written.sections} sections, ${written.shards} shards, ${Math.round(written.bytes / 1024)} KB in ${Math.round(performance.now() - started)} ms`,
  );
}

/** Replaces `target` with the finished `staged` directory, never leaving a half-written site. */
function publish(staged: string, target: string): void {
  const previous = `${target}.previous`;
  rmSync(previous, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staged, target);
  rmSync(previous, { recursive: true, force: true });
}

export default function reportDigest(): AstroIntegration {
  let root = process.cwd();
  let outDir = "";
  let stagingDir = "";
  return {
    name: "report-digest",
    hooks: {
      "astro:config:setup": ({ config, command, logger, updateConfig }) => {
        root = fileURLToPath(config.root);
        runGenerate(root, logger, command === "build");
        if (command === "build") {
          // Astro writes into a staging directory; the finished site replaces outDir only when the
          // whole build, search index included, succeeded, so a failed build never damages a good dist/.
          outDir = fileURLToPath(config.outDir).replace(/\/$/, "");
          stagingDir = join(root, ".cache/staging-dist");
          rmSync(stagingDir, { recursive: true, force: true });
          updateConfig({ outDir: pathToFileURL(`${stagingDir}/`) });
        }
      },
      "astro:server:setup": ({ server, logger, refreshContent }) => {
        const dir = paths(root).reports;
        server.watcher.add([dir, paths(root).glossary]);
        // In dev the search index lives in .cache/dev-site and is rewritten with every regeneration.
        const devSite = join(root, ".cache/dev-site");
        indexForSearch(root, devSite, logger);
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? "").split("?")[0] ?? "";
          const file = join(devSite, decodeURIComponent(path));
          if (!path.startsWith("/search-index/") || !file.startsWith(devSite) || !existsSync(file))
            return next();
          res.setHeader("content-type", "application/json; charset=utf-8");
          res.end(readFileSync(file));
        });
        const onChange = async (file: string) => {
          // Sources, and ejected page bodies (<slug>.mdx) that replace the generated ones.
          const isSource =
            file.startsWith(dir) &&
            [...SOURCE_EXTENSIONS, ".mdx"].some((ext) => file.toLowerCase().endsWith(ext));
          if (!isSource && file !== paths(root).glossary) return;
          try {
            runGenerate(root, logger, false);
            indexForSearch(root, devSite, logger);
            await refreshContent?.({ loaders: ["glob"] });
          } catch (error) {
            logger.error(String(error instanceof Error ? error.message : error));
          }
        };
        server.watcher.on("change", onChange);
        server.watcher.on("add", onChange);
        server.watcher.on("unlink", onChange);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const built = fileURLToPath(dir).replace(/\/$/, "");
        indexForSearch(root, built, logger);
        if (stagingDir && built === stagingDir) {
          publish(stagingDir, outDir);
          logger.info(`site written to ${outDir}`);
        }
      },
    },
  };
}
