// astro dev's first start on reports it has never parsed: generate() defers them (see
// GenerateOptions.deferring) and they are parsed here, into the parse cache, on a worker thread,
// so the dev server keeps answering (the report a reader asks for is parsed at once, on its own).
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ParseJob } from "./parse-workers.ts";

/** Parses `files` into the parse cache off this thread; resolves when every one is done. */
export function parseInBackground(files: string[], job: ParseJob): Promise<void> {
  const worker = new Worker(join(import.meta.dirname, "background-parse-worker.ts"), {
    workerData: { files, job },
  });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`background parse stopped (exit ${code})`)),
    );
  });
}
