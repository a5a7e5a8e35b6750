// A content-hash cache around the MDX compile inside Astro's build, for the report bodies that
// @astrojs/mdx compiles (ejected pages that need the MDX compiler; the others are compiled to HTML
// by generate()). Vite keeps no cache between builds; with this, a rebuild compiles only the pages
// whose MDX, or whose compiler, changed.
//
// It wraps the transform of @astrojs/mdx's compile plugin ("@mdx-js/rolldown"): the result of
// that one transform (code and module metadata) is a pure function of the MDX text, its path and
// the compiler (astro.config.mjs and everything it imports, and the glossary), all in the key. If the plugin is not found (a future @astrojs/mdx), MDX compiles as
// before and the build says so once.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { type FileCache, fileCache, keyOf, moduleGraphHash } from "./cache.ts";
import { layout } from "./layout.ts";

const MDX_COMPILE_PLUGIN = "@mdx-js/rolldown";

interface Compiled {
  code: string;
  map?: null;
  meta?: unknown;
}

type TransformHandler = (
  this: unknown,
  code: string,
  id: string,
  ...rest: unknown[]
) => Promise<Compiled | undefined>;

const WRAPPED = Symbol("report-digest:mdx-compile-cache");

/**
 * Everything besides the MDX text that decides what the compile produces: the config and all it
 * imports (the compiler packages, the callout plugin and the glossary it bakes in), and the glossary.
 */
function compilerVersion(root: string): string {
  const glossary = layout(root).glossary;
  return keyOf(
    moduleGraphHash(join(root, "astro.config.mjs")),
    existsSync(glossary) ? readFileSync(glossary) : "",
  );
}

/** Wraps `handler` so results come from `cache` when the MDX and the compiler are unchanged. */
export function cachedTransform(
  handler: TransformHandler,
  cache: FileCache,
  version: string,
  used: Set<string> = new Set(),
): TransformHandler {
  return async function (this: unknown, code, id, ...rest) {
    const key = keyOf(version, id, code);
    used.add(key);
    const hit = cache.get(key);
    if (hit !== undefined) return JSON.parse(hit) as Compiled;
    const result = await handler.call(this, code, id, ...rest);
    // Only plain results are stored; anything else (a source map, say) is recomputed every time.
    if (result && typeof result.code === "string" && !result.map) cache.set(key, JSON.stringify(result));
    return result;
  };
}

export function mdxCompileCache(options: { root: string; onMissing: () => void }): Plugin {
  const cache = fileCache(layout(options.root).mdxCompileCache, ".json");
  const used = new Set<string>();
  return {
    name: "report-digest:mdx-compile-cache",
    writeBundle() {
      // The page bundle is complete: compiles this build did not ask for are of older MDX.
      if (this.environment.name === "prerender" && used.size > 0) cache.retainOnly(used);
    },
    configResolved(config) {
      const compile = config.plugins.find((p) => p.name === MDX_COMPILE_PLUGIN);
      const transform = compile?.transform;
      if (!compile || !transform || typeof transform !== "object" || !("handler" in transform)) {
        options.onMissing();
        return;
      }
      const hooked = transform as { handler: TransformHandler; [WRAPPED]?: true };
      if (hooked[WRAPPED]) return;
      hooked.handler = cachedTransform(hooked.handler, cache, compilerVersion(options.root), used);
      hooked[WRAPPED] = true;
    },
  };
}
