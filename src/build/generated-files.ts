// The generated files of .generated/ and the keys they were made from (.generated/manifest.json),
// so a build rewrites only what changed and removes what no report produces any more.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_KINDS, type ProjectLayout } from "./layout.ts";

/** What emitting a page wrote besides its MDX page, as a generated file ("bodies/<slug>.html"). */
export const bodyFiles = (slug: string) => ({
  html: `bodies/${slug}.html`,
  mdxPage: `mdx-pages/${slug}.mdx`,
});

/** Writes a file only when its content differs, so unchanged outputs keep their mtimes. */
export function writeIfChanged(path: string, content: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === content) return;
  writeFileSync(path, content);
}

/**
 * The generated files of a previous build and the keys they were made from (.generated/manifest.json):
 * a file whose key is unchanged is neither re-emitted, re-read nor rewritten.
 */
export function generatedFiles(dirs: ProjectLayout) {
  const dir = dirs.generated;
  const path = dirs.manifest;
  let previous: Record<string, string> = {};
  try {
    previous = JSON.parse(readFileSync(path, "utf8")) as Record<string, string>;
  } catch {
    // First build, or an unreadable manifest: everything is written.
  }
  const next: Record<string, string> = {};
  return {
    /** Writes `file` (relative to `dir`) unless it was made from the same key and still exists. */
    put(file: string, key: string, content: () => string): void {
      next[file] = key;
      const target = join(dir, file);
      if (previous[file] === key && existsSync(target)) return;
      writeFileSync(target, content());
    },
    /** Records `file` (written by someone else) as made from `key`. */
    record(file: string, key: string): void {
      next[file] = key;
    },
    /** Whether one of `candidates` was made from `key` and still exists (it is then kept as it is). */
    kept(candidates: string[], key: string): boolean {
      const file = candidates.find((f) => previous[f] === key && existsSync(join(dir, f)));
      if (file) next[file] = key;
      return file !== undefined;
    },
    /** Removes files no report produces any more and records the keys for the next build. */
    finish(): void {
      for (const sub of GENERATED_KINDS) {
        for (const name of readdirSync(join(dir, sub))) {
          if (!(`${sub}/${name}` in next)) rmSync(join(dir, sub, name));
        }
      }
      writeFileSync(path, JSON.stringify(next));
    },
  };
}
