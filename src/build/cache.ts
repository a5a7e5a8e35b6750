// Content-hash caches for the build: a result is reused only when everything it was computed from
// is byte-identical — the input and the code (and data files) that computed it — so editing a
// parser stage or a lexicon invalidates exactly the cached results it could change.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";

const hash = () => createHash("sha256");

/** Hash of every source and data file at `paths` (tests excluded): the code that computes a result. */
export function codeHash(...paths: string[]): string {
  const h = hash();
  const visit = (path: string) => {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
    } else if (/\.(?:ts|json|ya?ml)$/u.test(path) && !/\.test\.ts$/u.test(path)) {
      h.update(path.slice(path.lastIndexOf("/") + 1)).update(readFileSync(path));
    }
  };
  for (const path of paths) if (existsSync(path)) visit(path);
  return h.digest("hex");
}

export function keyOf(...parts: Array<string | Uint8Array>): string {
  const h = hash();
  for (const part of parts) h.update(part).update("\0");
  return h.digest("hex").slice(0, 24);
}

/** A directory of cached values by key; a failed write only costs the next build a recomputation. */
export interface FileCache {
  has(key: string): boolean;
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Removes every entry but these (after a complete build: what it did not use is stale). */
  retainOnly(keys: ReadonlySet<string>): void;
}

/** A directory of cached values by key; a lost entry only costs a recomputation. */
export function fileCache(dir: string, ext: string): FileCache {
  const path = (key: string) => join(dir, `${key}${ext}`);
  return {
    has: (key) => existsSync(path(key)),
    get: (key) => (existsSync(path(key)) ? readFileSync(path(key), "utf8") : undefined),
    set: (key, value) => {
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed into place, so a reader (another thread, or the next build after
      // a killed one) never sees half an entry.
      const partial = `${path(key)}.${process.pid}.${threadId}.partial`;
      writeFileSync(partial, value);
      renameSync(partial, path(key));
    },
    retainOnly: (keys) => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        if (name.endsWith(ext) && !keys.has(name.slice(0, -ext.length)))
          rmSync(join(dir, name), { force: true });
      }
    },
  };
}
