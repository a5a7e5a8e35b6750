// A throwaway copy of this site with its own content/reports, so the benchmark never touches the
// repo's content, caches or dist/. node_modules is shared through a symlink.
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";

const COPIED = ["src", "public", "astro.config.mjs", "package.json", "tsconfig.json", "content/glossary.yml"];

export function makeProject(repoRoot: string, dir: string): string {
  for (const entry of COPIED) {
    const from = join(repoRoot, entry);
    if (existsSync(from)) cpSync(from, join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, "content/reports"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
  return join(dir, "content/reports");
}
