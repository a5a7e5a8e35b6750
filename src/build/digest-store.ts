// Reads the digests generate() wrote to .generated/digests/. Pages read them from disk rather than
// through an Astro collection: a collection would copy every digest into Astro's data store, which
// the build inlines as one JSON string (86 MB at 1,000 reports) and keeps in memory.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkedDigest, checkedHeads, type ReportDigest, type ReportHead } from "../ingest/types.ts";
import { keyOf } from "./cache.ts";
import { layout } from "./layout.ts";

export type { ReportHead };

/** Every report's slug, title and front matter, written by generate(). */
export const readHeads = (root: string): ReportHead[] => {
  const path = layout(root).heads;
  return checkedHeads(JSON.parse(readFileSync(path, "utf8")), path);
};

const digestNames = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();

/** A digest file generate() wrote, checked against the contract. */
export const readDigestFile = (path: string): ReportDigest =>
  checkedDigest(JSON.parse(readFileSync(path, "utf8")), path);

/** The digests of the given reports, keyed as generate() reported them, read only if asked for. */
export function listedDigests(
  root: string,
  reports: { slug: string; key: string }[],
): { slug: string; key: string; digest: () => ReportDigest }[] {
  const dir = layout(root).digests;
  return reports.map(({ slug, key }) => ({
    slug,
    key,
    digest: () => readDigestFile(join(dir, `${slug}.json`)),
  }));
}

/**
 * Every generated digest in file-name order with the key it was made from (its file's hash when
 * the manifest has none), read only if asked for: a pass that can reuse its work on an unchanged
 * report never reads it.
 */
export function* keyedDigests(
  root: string,
): Generator<{ slug: string; key: string; digest: () => ReportDigest }> {
  const dir = layout(root).digests;
  const keys = generatedKeys(root, "digests");
  for (const name of digestNames(dir)) {
    const slug = name.slice(0, -".json".length);
    const path = join(dir, name);
    yield { slug, key: keys.get(slug) ?? keyOf(readFileSync(path)), digest: () => readDigestFile(path) };
  }
}

/**
 * The key each generated file of one kind ("digests", "bodies", "mdx-pages") was made from, by
 * slug, from generate()'s manifest: equal keys mean equal files, without reading or hashing them.
 * A digest's key covers its source, the parser's code and lexicons; a body's, its MDX and the emitter.
 */
export function generatedKeys(root: string, kind: "digests" | "bodies" | "mdx-pages"): Map<string, string> {
  const keys = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(layout(root).manifest, "utf8")) as Record<string, string>;
    const prefix = `${kind}/`;
    for (const [file, key] of Object.entries(manifest)) {
      if (file.startsWith(prefix)) keys.set(file.slice(prefix.length, file.lastIndexOf(".")), key);
    }
  } catch {
    // No manifest (files written by hand in a test): no keys, so nothing is taken as unchanged.
  }
  return keys;
}
