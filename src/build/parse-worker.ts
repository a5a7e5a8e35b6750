// The worker thread of parse-workers.ts: parses its share of reports into the parse cache,
// counting each one and flagging the end on the shared counter the main thread waits on.
import { workerData } from "node:worker_threads";
import { type ParseJob, parseIntoCache } from "./parse-workers.ts";

const { job, counter } = workerData as { job: ParseJob; counter: Int32Array };
try {
  parseIntoCache(job, () => Atomics.add(counter, 0, 1));
} finally {
  Atomics.store(counter, 1, 1);
  Atomics.notify(counter, 1);
}
