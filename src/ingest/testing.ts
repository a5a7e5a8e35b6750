// Test helpers shared by the property and corpus tests (not used by the pipeline).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseReport } from "./index.ts";
import type { ReportDigest } from "./types.ts";

/** ../shared next to the repository root, when this checkout has it. */
export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEEDS = join(SHARED, "seeds");
export const CORPUS = join(SHARED, "corpus");
export const hasSeeds = existsSync(SEEDS);
export const hasCorpus = existsSync(CORPUS);

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else if (/\.(?:txt|md|html?)$/iu.test(name) && name !== "README.md") out.push(p);
  }
  return out;
}

export function parseText(text: string, path = "test.txt"): ReportDigest {
  return parseReport({ bytes: new TextEncoder().encode(text), path }).digest;
}

export function parseFile(path: string): ReportDigest {
  return parseReport({ bytes: readFileSync(path), path }).digest;
}

/** What a reader sees: headings with levels, and block texts, in order. */
export function shape(d: ReportDigest): string[] {
  return d.sections.flatMap((s) => [
    `H${s.level} ${s.heading ?? ""}`,
    ...s.blocks.map((b) => `${b.type}: ${b.text}`),
  ]);
}
