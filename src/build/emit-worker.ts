// The worker thread of emit-pages.ts: emits the report pages it is given.
import { emitShareOnWorker } from "./emit-pages.ts";
import { runWorkerShare } from "./two-cores.ts";

runWorkerShare(emitShareOnWorker);
