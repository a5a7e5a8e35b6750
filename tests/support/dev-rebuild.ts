// Starts `astro dev` in a project, waits for a page, applies an edit to a source file and waits
// until the page shows `expect`. Prints one JSON line {ok, log}. Run as its own Node process by
// tests/e2e/safety.test.ts: started straight from a Vitest worker, astro dev's file watcher never
// reported changes (cause not found), while the same steps from a plain process work.
// Usage: node dev-rebuild.ts <root> <page path> <source file> <search> <replace> <expect>
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { astroBin } from "./temp-project.ts";

const [root, page, source, search, replace, expected] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const port = await new Promise<number>((resolve) => {
  const srv = createServer().listen(0, "127.0.0.1", () => {
    const address = srv.address();
    srv.close(() => resolve(typeof address === "object" && address ? address.port : 0));
  });
});
const env = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LANG: "C.UTF-8",
  ASTRO_TELEMETRY_DISABLED: "1",
};
const server = spawn(astroBin, ["dev", "--port", String(port), "--host", "127.0.0.1", "--ignore-lock"], {
  cwd: root,
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
let log = "";
server.stdout.on("data", (d) => (log += d));
server.stderr.on("data", (d) => (log += d));
const url = `http://127.0.0.1:${port}${page}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(ok: (body: string) => boolean, timeout: number, tick?: () => void): Promise<boolean> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok && ok(await res.text())) return true;
    } catch {
      // Not listening yet.
    }
    tick?.();
    await sleep(500);
  }
  return false;
}

const file = join(root, source);
const original = readFileSync(file, "utf8");
let ok = await waitFor((body) => body.includes(search), 90_000);
if (ok) {
  writeFileSync(file, original.replace(search, replace));
  ok = await waitFor((body) => body.includes(expected), 60_000);
}
server.kill();
process.stdout.write(`${JSON.stringify({ ok, log: log.replace(/^.*\[200\].*\n/gmu, "") })}\n`);
