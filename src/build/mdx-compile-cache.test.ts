import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileCache } from "./cache.ts";
import { cachedTransform } from "./mdx-compile-cache.ts";

describe("the MDX compile cache", () => {
  it("compiles once per MDX text and compiler, then answers from the cache", async () => {
    const cache = fileCache(mkdtempSync(join(tmpdir(), "mdx-cache-")), ".json");
    let compiles = 0;
    const compile = async (code: string, id: string) => {
      compiles++;
      return { code: `compiled(${code}, ${id})`, map: null, meta: { astro: { propagation: "none" } } };
    };
    const cached = cachedTransform(compile, cache, "v1");
    const first = await cached.call(null, "# a", "/a.mdx");
    expect(await cached.call(null, "# a", "/a.mdx")).toEqual(first);
    expect(compiles).toBe(1);
    await cached.call(null, "# b", "/a.mdx");
    await cached.call(null, "# a", "/b.mdx");
    await cachedTransform(compile, cache, "v2").call(null, "# a", "/a.mdx");
    expect(compiles).toBe(4);
  });

  it("keeps only the compiles a complete build used", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mdx-cache-"));
    const cache = fileCache(dir, ".json");
    const compile = async (code: string) => ({ code: `compiled(${code})` });
    await cachedTransform(compile, cache, "v1").call(null, "# old", "/a.mdx");
    const used = new Set<string>();
    const cached = cachedTransform(compile, cache, "v1", used);
    await cached.call(null, "# new", "/a.mdx");
    await cached.call(null, "# b", "/b.mdx");
    cache.retainOnly(used);
    expect(readdirSync(dir)).toHaveLength(2);
    expect([...used].every((key) => cache.has(key))).toBe(true);
  });
});
