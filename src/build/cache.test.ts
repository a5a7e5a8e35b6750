import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { moduleGraph, moduleGraphHash } from "./cache.ts";

const repo = join(import.meta.dirname, "../..");
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project of files (path → text) in a temp folder. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "module-graph-"));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const pkg = (name: string, dependencies: Record<string, string> = {}) =>
  JSON.stringify({ name, version: "1.0.0", dependencies });

describe("moduleGraph", () => {
  it("follows every kind of import, data files and packages with their dependencies", () => {
    const root = tree({
      "src/a.ts": [
        'import type { T } from "./types.ts";',
        "import {",
        "  one,",
        "  two,",
        '} from "./b.ts";',
        'import lexicon from "./lexicon/words.json" with { type: "json" };',
        'export { three } from "./c.ts";',
        'import "./side-effect.ts";',
        'import { readFileSync } from "node:fs";',
        'import lib from "lib/sub/path.js";',
        'const later = await import("./d.ts");',
      ].join("\n"),
      "src/types.ts": "export type T = 1;",
      "src/b.ts": 'import { x } from "@scope/pkg";\nexport const one = 1, two = 2;',
      "src/c.ts": "export const three = 3;",
      "src/d.ts": "",
      "src/side-effect.ts": "",
      "src/lexicon/words.json": "[]",
      "src/unused.ts": "",
      "node_modules/lib/package.json": pkg("lib", { dep: "^1" }),
      "node_modules/dep/package.json": pkg("dep"),
      "node_modules/@scope/pkg/package.json": pkg("@scope/pkg"),
      "node_modules/other/package.json": pkg("other"),
    });
    expect(moduleGraph(join(root, "src/a.ts")).map((f) => relative(root, f))).toEqual([
      "node_modules/@scope/pkg/package.json",
      "node_modules/dep/package.json",
      "node_modules/lib/package.json",
      "src/a.ts",
      "src/b.ts",
      "src/c.ts",
      "src/d.ts",
      "src/lexicon/words.json",
      "src/side-effect.ts",
      "src/types.ts",
    ]);
  });

  it("changes its hash with any file in the graph, a dependency's version included, and no other", () => {
    const files = {
      "src/a.ts": 'import "./b.ts";\nimport "lib";',
      "src/b.ts": "",
      "src/unused.ts": "",
      "node_modules/lib/package.json": pkg("lib", { dep: "^1" }),
      "node_modules/dep/package.json": pkg("dep"),
    };
    const root = tree(files);
    const entry = join(root, "src/a.ts");
    const before = moduleGraphHash(entry);
    writeFileSync(join(root, "src/unused.ts"), "changed");
    expect(moduleGraphHash(entry)).toBe(before);
    writeFileSync(join(root, "node_modules/dep/package.json"), pkg("dep").replace("1.0.0", "1.0.1"));
    expect(moduleGraphHash(entry)).not.toBe(before);
    // The same code in another folder keys the same.
    expect(moduleGraphHash(join(tree(files), "src/a.ts"))).toBe(before);
  });

  it("puts the compiler of ejected MDX pages in the MDX compile cache's key", () => {
    const graph = moduleGraph(join(repo, "astro.config.mjs")).map((f) => relative(repo, f));
    expect(graph).toEqual(
      expect.arrayContaining([
        "src/site/callout-plugin.ts",
        "src/site/callouts.ts",
        "src/shared/format.ts",
        "src/site/glossary-terms.ts",
        "src/ingest/glossary.ts",
        "node_modules/satteri/package.json",
        "node_modules/@astrojs/mdx/package.json",
        "node_modules/@astrojs/markdown-satteri/package.json",
        "node_modules/astro/package.json",
      ]),
    );
  });
});
