// Code a warm start does not run, loaded when first called instead of with its importer: the parser
// and the emitter with their packages were 336 of the 590 modules the integration loaded before
// `astro dev` could start, and a start on unchanged reports neither parses nor emits. Loaded
// synchronously (require of an ES module), as generate() is.
import { createRequire } from "node:module";

/** The module `specifier` (relative to the module at `from`), loaded on the first call. */
export function lazyModule<T>(specifier: string, from: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= createRequire(from)(specifier) as T;
    return loaded;
  };
}
