// Content-hash caches for the build: a result is reused only when everything it was computed from
// is byte-identical — the input and the code (and data files) that computed it — so editing a
// parser stage or a lexicon invalidates exactly the cached results it could change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const hash = () => createHash("sha256");

/** Hash of every source and data file under `dirs` (tests excluded): the code that computes a result. */
export function codeHash(...dirs: string[]): string {
  const h = hash();
  const visit = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.(?:ts|json|ya?ml)$/u.test(name) && !/\.test\.ts$/u.test(name)) {
        h.update(name).update(readFileSync(path));
      }
    }
  };
  for (const dir of dirs) if (existsSync(dir)) visit(dir);
  return h.digest("hex");
}

export function keyOf(...parts: Array<string | Uint8Array>): string {
  const h = hash();
  for (const part of parts) h.update(part).update("\0");
  return h.digest("hex").slice(0, 24);
}

/** A directory of cached values by key; a failed write only costs the next build a recomputation. */
export interface FileCache {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** A directory of cached values by key; a lost entry only costs a recomputation. */
export function fileCache(dir: string, ext: string): FileCache {
  const path = (key: string) => join(dir, `${key}${ext}`);
  return {
    get: (key) => (existsSync(path(key)) ? readFileSync(path(key), "utf8") : undefined),
    set: (key, value) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path(key), value);
    },
  };
}
