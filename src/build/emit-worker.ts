// The worker thread of emit-pages.ts: emits its share of report pages.
import { emitShare } from "./emit-pages.ts";
import { runWorkerShare } from "./two-cores.ts";

runWorkerShare(emitShare);
