// Work that is one independent job per report runs in a worker thread: parsing on two cores (a
// worker takes every other job while this thread does the rest), emitting in a worker alone (its
// memory goes with it). generate() is synchronous (Astro's config hook, the CLI, tests), so this
// thread waits for the worker on a shared counter rather than on a message. A job the worker
// could not do is flagged undone: the caller does it again on this thread, where its error
// surfaces as usual. Callers decide whether a run is big enough for a worker
// (MIN_FOR_WORKER).
import { Worker, workerData } from "node:worker_threads";

/** Below this many jobs a worker's start-up (~0.2 s) is not worth it. */
export const MIN_FOR_WORKER = 16;
/** Slots of the shared counter: jobs the worker has finished, 1 once it is done, then one flag per job (1: it succeeded). */
const DONE = 0;
const FINISHED = 1;
const SUCCEEDED = 2;
/**
 * A worker's heap, capped: its jobs hold one report at a time, and every page its heap grew to
 * stays in this process's memory after the worker ends (V8 keeps them; ~250 MB of the emit's at
 * 1,000 reports, through Astro's whole render). A report too big for it stops the worker, and
 * its jobs left undone are done on this thread (after STALL_MS).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 192, maxYoungGenerationSizeMb: 16 };
/** A worker that makes no progress for this long is given up on. */
const STALL_MS = 60_000;

/** Runs a share of jobs; calls `onDone` after each, in order, with whether it succeeded. */
export type JobRunner<Job, Context> = (jobs: Job[], context: Context, onDone: (ok: boolean) => void) => void;

/**
 * Runs `jobs` with `run` here and in a worker thread started from `workerModule` (which calls
 * runWorkerShare with the same runner). Returns how many jobs the worker did.
 */
export function runOnTwoCores<Job, Context>(
  jobs: Job[],
  context: Context,
  run: JobRunner<Job, Context>,
  workerModule: string,
): number {
  // Alternate jobs so both halves get a similar mix of long and short reports.
  const wait = startWorker(
    jobs.filter((_, i) => i % 2 === 1),
    context,
    workerModule,
  );
  run(
    jobs.filter((_, i) => i % 2 === 0),
    context,
    () => {},
  );
  return wait().filter(Boolean).length;
}

/**
 * Runs all of `jobs` in a worker thread while this thread waits: one core, as if run here, but
 * what the work allocates goes with the worker (its heap is not this thread's high-water mark).
 * Returns, by job, whether the worker did it.
 */
export function runInWorker<Job, Context>(jobs: Job[], context: Context, workerModule: string): boolean[] {
  return startWorker(jobs, context, workerModule)();
}

/** Starts a worker on `jobs`; the function returned waits for it and says, by job, whether it succeeded. */
function startWorker<Job, Context>(jobs: Job[], context: Context, workerModule: string): () => boolean[] {
  const counter = new Int32Array(new SharedArrayBuffer(4 * (SUCCEEDED + jobs.length)));
  const worker = new Worker(workerModule, {
    workerData: { jobs, context, counter },
    resourceLimits: WORKER_HEAP,
  });
  return () => {
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
    return jobs.map((_, i) => Atomics.load(counter, SUCCEEDED + i) === 1);
  };
}

/** The worker thread's side: runs its share, counting each job, flagging those that succeeded and the end. */
export function runWorkerShare<Job, Context>(run: JobRunner<Job, Context>): void {
  const { jobs, context, counter } = workerData as { jobs: Job[]; context: Context; counter: Int32Array };
  let next = 0;
  try {
    run(jobs, context, (ok) => {
      if (ok) Atomics.store(counter, SUCCEEDED + next, 1);
      next++;
      Atomics.add(counter, DONE, 1);
    });
  } finally {
    Atomics.store(counter, FINISHED, 1);
    Atomics.notify(counter, FINISHED);
  }
}
