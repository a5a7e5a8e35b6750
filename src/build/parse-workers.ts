// Parsing is most of a first build's own work (about 10 s for 1,000 reports) and each report is
// parsed on its own, so the reports missing from the parse cache are parsed on two cores
// (./two-cores.ts); generate() then reads all of them from the cache.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { termFinder } from "../ingest/glossary.ts";
import { fileCache } from "./cache.ts";
import { parseCached } from "./parse-cache.ts";
import { MIN_FOR_WORKER, runOnTwoCores } from "./two-cores.ts";

export interface ParseJob {
  root: string;
  cacheDir: string;
  /** The key of the ingest code and the glossary (glossary terms are part of a digest). */
  ingestCode: string;
  /** The glossary's text. */
  glossary: string | undefined;
}

/** Parses `files` into the cache, skipping any that fail (generate() reports them when it parses them again). */
export function parseIntoCache(files: string[], job: ParseJob, onParsed: (ok: boolean) => void): void {
  const cache = fileCache(job.cacheDir, ".json");
  const findTerms = termFinder(job.glossary);
  for (const file of files) {
    let ok = true;
    try {
      parseCached(job.root, file, readFileSync(file), cache, job.ingestCode, findTerms);
    } catch {
      // A bad report: its error is reported, with the others, by generate().
      ok = false;
    }
    onParsed(ok);
  }
}

/**
 * Fills the parse cache for `files` on two cores: how many were parsed, and how many by the worker.
 * `keyOf` gives a file's parse key (generate() knows most without reading them).
 */
export function warmParseCache(
  files: string[],
  job: ParseJob,
  keyOf: (file: string) => string,
): { parsed: number; onWorker: number } {
  const cache = fileCache(job.cacheDir, ".json");
  const missing = files.filter((file) => !cache.has(keyOf(file)));
  // Too few to share: generate() parses them as it reads them (and skips those it need not read).
  if (missing.length < MIN_FOR_WORKER) return { parsed: 0, onWorker: 0 };
  return { parsed: missing.length, onWorker: parseAllIntoCache(missing, job) };
}

/** Parses `files` into the cache on two cores; returns how many the second core parsed. */
export const parseAllIntoCache = (files: string[], job: ParseJob): number =>
  runOnTwoCores(files, job, parseIntoCache, join(import.meta.dirname, "parse-worker.ts"));
