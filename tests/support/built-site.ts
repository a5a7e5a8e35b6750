// Vitest global setup for browser tests: builds the site from content/ once into .cache/e2e-dist
// (leaving the user's dist/ alone) and serves it on localhost for every browser test file.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "./static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
    siteDir: string;
  }
}

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, "../..");
  const outDir = join(root, ".cache/e2e-dist");
  execFileSync(join(root, "node_modules/.bin/astro"), ["build", "--outDir", outDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  const server = await serveStatic(outDir);
  project.provide("siteUrl", server.url);
  project.provide("siteDir", outDir);
  return () => server.close();
}
