// Parse throughput over the corpus: `npm run bench:parse [-- DIR …]`.
// Prints files, MB, seconds, MB/s and median ms per file; errors are listed, not fatal.
import { existsSync, readFileSync } from "node:fs";
import { isReportInputError } from "../src/ingest/errors.ts";
import { parseReport } from "../src/ingest/index.ts";
import { walk } from "./corpus.ts";

const dirs = process.argv.slice(2).filter((a) => a !== "--");
const roots = dirs.length ? dirs : ["../shared/corpus"];
const files = roots.filter((d) => existsSync(d)).flatMap((d) => walk(d));
if (files.length === 0) {
  console.log("no files found under", roots.join(", "));
  process.exit(0);
}
const inputs = files.map((f) => ({ path: f, bytes: readFileSync(f) }));
const totalBytes = inputs.reduce((a, f) => a + f.bytes.length, 0);

// Warm-up: module and regex compilation are start-up, not throughput.
for (const f of inputs.slice(0, 3)) {
  try {
    parseReport(f);
  } catch {}
}

const times: number[] = [];
const errors: string[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const f of inputs) {
  const s = performance.now();
  try {
    parseReport(f);
  } catch (e) {
    errors.push(isReportInputError(e) ? e.toString() : `${f.path}: CRASH ${(e as Error).stack}`);
  }
  times.push(performance.now() - s);
}
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
const mb = totalBytes / 1e6;
console.log(
  `files ${files.length}  MB ${mb.toFixed(1)}  seconds ${wall.toFixed(2)} (cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)})  MB/s ${(mb / wall).toFixed(2)}  median ms/file ${median.toFixed(1)}  max ms/file ${(times[times.length - 1] ?? 0).toFixed(0)}`,
);
for (const e of errors) console.log(`error: ${e}`);
