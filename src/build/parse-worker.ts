// The worker thread of parse-workers.ts: parses its share of reports into the parse cache.
import { parseIntoCache } from "./parse-workers.ts";
import { runWorkerShare } from "./two-cores.ts";

runWorkerShare(parseIntoCache);
