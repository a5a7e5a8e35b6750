// Starts `astro dev` in a project and plays a script of steps: write (or edit) a source file, then
// wait until a page answers with what is expected. Prints one JSON line {ok, failed, log}. Run as
// its own Node process by the browser tests: started straight from a Vitest worker, astro dev's
// file watcher never reported changes (cause not found), while the same steps from a plain
// process work.
// Usage: node dev-rebuild.ts <root> <steps JSON>, steps: DevStep[] (below).
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { astroBin, userEnv } from "./temp-project.ts";

export interface DevStep {
  /** A source file (relative to the project) to change first: replace a string, or write it whole. */
  file?: string;
  replace?: [search: string, replacement: string];
  content?: string;
  /** The page to fetch until it answers with `status` (default 200) and a body holding `contains`. */
  page: string;
  status?: number;
  contains: string[];
  /** Strings the body must not hold. */
  lacks?: string[];
  /** An edit storm before the check: each edit writes a file whole, `spacingMs` after the last. */
  storm?: { edits: { file: string; content: string }[]; spacingMs: number };
  /** The page must answer as expected within this long of the last file written (else 60 s). */
  deadlineMs?: number;
}

const [root, script] = process.argv.slice(2) as [string, string];
const steps = JSON.parse(script) as DevStep[];
const port = await new Promise<number>((resolve) => {
  const srv = createServer().listen(0, "127.0.0.1", () => {
    const address = srv.address();
    srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});
const server = spawn(astroBin, ["dev", "--port", String(port), "--host", "127.0.0.1", "--ignore-lock"], {
  cwd: root,
  env: userEnv,
  stdio: ["ignore", "pipe", "pipe"],
});
let log = "";
server.stdout.on("data", (d) => (log += d));
server.stderr.on("data", (d) => (log += d));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What the page last answered, for the report of a failed step. */
let last = "";

/** Fetches the step's page until it answers as expected; the first step also waits for startup. */
async function reached(step: DevStep, timeout: number): Promise<boolean> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${step.page}`);
      const body = await res.text();
      last = `${res.status}: ${body
        .replace(/<[^>]*>/gu, " ")
        .replace(/\s+/gu, " ")
        .slice(0, 300)}`;
      const holds =
        step.contains.every((s) => body.includes(s)) && !step.lacks?.some((s) => body.includes(s));
      if (res.status === (step.status ?? 200) && holds) return true;
    } catch {
      // Not listening yet.
    }
    if (Date.now() >= end) return false;
    await sleep(100);
  }
}

let failed: number | undefined;
let lastWrite = Date.now();
for (const [i, step] of steps.entries()) {
  for (const [k, edit] of (step.storm?.edits ?? []).entries()) {
    if (k > 0) await sleep(step.storm?.spacingMs ?? 0);
    writeFileSync(join(root, edit.file), edit.content);
    lastWrite = Date.now();
  }
  if (step.file) {
    const file = join(root, step.file);
    if (step.content !== undefined) writeFileSync(file, step.content);
    else if (step.replace) writeFileSync(file, readFileSync(file, "utf8").replace(...step.replace));
    lastWrite = Date.now();
  }
  const timeout =
    step.deadlineMs !== undefined ? lastWrite + step.deadlineMs - Date.now() : i === 0 ? 90_000 : 60_000;
  if (!(await reached(step, Math.max(0, timeout)))) {
    failed = i;
    break;
  }
}
// Let the server finish what the last save started (the search index) before it is stopped.
for (let quiet = 0, seen = log.length, waited = 0; quiet < 2000 && waited < 30_000; waited += 200) {
  await sleep(200);
  quiet = log.length === seen ? quiet + 200 : 0;
  seen = log.length;
}
server.kill();
const ok = failed === undefined;
const answered = ok ? "" : `\nstep ${failed} last answered ${last}`;
process.stdout.write(
  `${JSON.stringify({ ok, failed, log: log.replace(/^.*\[200\].*\n/gmu, "") + answered })}\n`,
);
