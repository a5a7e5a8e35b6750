// The worker thread of background-parse.ts: parses its files into the parse cache on two cores.
import { workerData } from "node:worker_threads";
import { type ParseJob, parseAllIntoCache } from "./parse-workers.ts";

const { files, job } = workerData as { files: string[]; job: ParseJob };
parseAllIntoCache(files, job);
