// Lighthouse (mobile) on a built site: `npm run bench:lighthouse [-- DIST]` (default dist/, so run
// `npm run build` first). Prints the four category scores for the home page and a report page,
// and the audits that cost points.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "../tests/support/static-server.ts";
import { lighthouse } from "./lib/lighthouse.ts";

const repoRoot = join(import.meta.dirname, "..");
const dist = process.argv.slice(2).find((a) => a !== "--") ?? join(repoRoot, "dist");
const report = readdirSync(join(dist, "reports")).sort()[0];
const server = await serveStatic(dist);
try {
  const pages: Array<[string, string]> = [
    ["home", "/"],
    ["report", `/reports/${report}/`],
  ];
  for (const [name, path] of pages) {
    const { scores, failing } = await lighthouse(repoRoot, `${server.url}${path}`);
    console.log(
      `${name.padEnd(7)} ${path}\n  ${Object.entries(scores)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    for (const audit of failing) console.log(`  - ${audit}`);
  }
} finally {
  await server.close();
}
