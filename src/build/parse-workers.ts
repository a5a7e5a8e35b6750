// Parsing is most of a first build's own work (about 10 s for 1,000 reports) and each report is
// parsed on its own, so a worker thread takes half of the reports missing from the parse cache
// while this thread parses the other half; generate() then reads all of them from the cache.
// generate() is synchronous (Astro's config hook, the CLI, tests), so this thread waits for the
// worker on a shared counter rather than on a message.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { fileCache } from "./cache.ts";
import { parseCached, parseKey } from "./parse-cache.ts";

export interface ParseJob {
  root: string;
  files: string[];
  cacheDir: string;
  ingestCode: string;
}

/** Below this many unparsed reports a worker's start-up (~0.2 s) is not worth it. */
const MIN_FOR_WORKER = 16;
/** Slots of the shared counter: reports the worker has finished, and 1 once it is done. */
const DONE = 0;
const FINISHED = 1;
/** A worker that makes no progress for this long is given up on; its reports are parsed here. */
const STALL_MS = 60_000;

/** Parses `files` into the cache, skipping any that fail (generate() reports them when it parses them again). */
export function parseIntoCache(job: ParseJob, onParsed: () => void = () => {}): void {
  const cache = fileCache(job.cacheDir, ".json");
  for (const file of job.files) {
    try {
      parseCached(job.root, file, readFileSync(file), cache, job.ingestCode);
    } catch {
      // A bad report: its error is reported, with the others, by generate().
    }
    onParsed();
  }
}

/** Fills the parse cache for `files` on two cores: how many were parsed, and how many by the worker. */
export function warmParseCache(job: ParseJob): { parsed: number; onWorker: number } {
  const cache = fileCache(job.cacheDir, ".json");
  const missing = job.files.filter((f) => !cache.has(parseKey(job.root, f, readFileSync(f), job.ingestCode)));
  if (missing.length < MIN_FOR_WORKER) return { parsed: 0, onWorker: 0 };
  // Alternate files so both halves get a similar mix of long and short reports.
  const theirs = missing.filter((_, i) => i % 2 === 1);
  const counter = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(join(import.meta.dirname, "parse-worker.ts"), {
    workerData: { job: { ...job, files: theirs }, counter },
  });
  parseIntoCache({ ...job, files: missing.filter((_, i) => i % 2 === 0) });
  let seen = Atomics.load(counter, DONE);
  let lastProgress = performance.now();
  while (Atomics.load(counter, FINISHED) === 0 && performance.now() - lastProgress < STALL_MS) {
    Atomics.wait(counter, FINISHED, 0, 500);
    const done = Atomics.load(counter, DONE);
    if (done !== seen) {
      seen = done;
      lastProgress = performance.now();
    }
  }
  void worker.terminate();
  return { parsed: missing.length, onWorker: Atomics.load(counter, DONE) };
}
