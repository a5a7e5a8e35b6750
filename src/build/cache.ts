// Content-hash caches for the build: a result is reused only when everything it was computed from
// is byte-identical — the input and the code (and data files) that computed it, found by following
// the imports — so editing a parser stage or a lexicon invalidates exactly the cached results it
// could change.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { threadId } from "node:worker_threads";

const hash = () => createHash("sha256");

// Static imports and re-exports (also spread over lines), side-effect imports and import("…").
const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s(?:[^;"']*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gu;

/** A package's folder as Node would find it from `fromDir` (the nearest node_modules holding it). */
function packageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

const packageName = (spec: string) =>
  spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] as string);

/**
 * The files a module's output depends on: the module, every module and data file it imports
 * (followed through relative imports), and for each package it imports, that package's
 * package.json and those of the packages it depends on. A cache keyed on these is invalidated by
 * exactly the code and data that computed its results, with no list of files to keep in step.
 */
export function moduleGraph(...entries: string[]): string[] {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visitPackage = (dir: string) => {
    const manifest = join(dir, "package.json");
    if (packages.has(manifest)) return;
    packages.add(manifest);
    const { dependencies = {} } = JSON.parse(readFileSync(manifest, "utf8")) as {
      dependencies?: Record<string, string>;
    };
    for (const name of Object.keys(dependencies)) {
      const found = packageDir(name, dir);
      if (found) visitPackage(found);
    }
  };
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.(?:[cm]?[jt]s|astro)$/u.test(file)) return; // data (JSON, YAML) imports nothing
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2]) as string;
      if (spec.startsWith(".")) visit(join(dirname(file), spec));
      else if (!spec.startsWith("node:") && !spec.startsWith("astro:")) {
        const found = packageDir(packageName(spec), dirname(file));
        if (found) visitPackage(found);
      }
    }
  };
  for (const entry of entries) visit(entry);
  return [...files, ...packages].sort();
}

/** Hash of the files `moduleGraph(...entries)` names: the code (and data) behind a cached result. */
export function moduleGraphHash(...entries: string[]): string {
  const h = hash();
  // Named by file name, not path: a project keeps its caches' keys when its folder moves.
  for (const file of moduleGraph(...entries))
    h.update(basename(file)).update("\0").update(readFileSync(file)).update("\0");
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
