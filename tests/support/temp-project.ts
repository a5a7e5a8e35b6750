// A throwaway copy of the project (sources, config, public files; node_modules linked) with its
// own content/reports, for tests that run `astro build` or `astro dev` on crafted content.
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export const REPO = join(import.meta.dirname, "../..");
const SKIP = new Set([
  "node_modules",
  "dist",
  "dist-shards",
  ".cache",
  ".generated",
  ".astro",
  ".git",
  "bench",
  "tests",
  "docs",
]);

export function tempProject(reports: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "report-digest-"));
  cpSync(REPO, root, {
    recursive: true,
    filter: (src) => {
      const rel = relative(REPO, src);
      const top = rel.split("/")[0] ?? "";
      return !SKIP.has(top) && !rel.startsWith("content/reports") && !rel.startsWith("content/ids");
    },
  });
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  writeReports(root, reports);
  return root;
}

export function writeReports(root: string, reports: Record<string, string | Uint8Array>): void {
  const dir = join(root, "content/reports");
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(reports)) writeFileSync(join(dir, name), content);
}

export const astroBin = join(REPO, "node_modules/.bin/astro");

/**
 * A user's shell environment for `astro build` / `astro dev` in a test project, not the test
 * runner's: Vitest mirrors its import.meta.env (MODE=test, BASE_URL, DEV …) into process.env, and
 * Astro and Vite read those.
 */
export const userEnv: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LANG: "C.UTF-8",
  ASTRO_TELEMETRY_DISABLED: "1",
};
