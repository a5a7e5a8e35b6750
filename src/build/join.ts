// The join of build shards (`npm run join -- DIRS…`, src/build/build-mode.ts): before Astro builds,
// every shard's digests (/data/reports/<slug>.json of its site) become this project's generated
// digests and heads, so the listing and data pages are rendered from all of them; after, each
// shard's report pages, search bundles and assets are taken into the site as they were built, and
// /pagefind/shards.json lists every bundle in the site's order for the browser's mergeIndex.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { checkedDigest } from "../ingest/types.ts";
import { SEARCH_DIR, SHARDS_FILE, type ShardList } from "../shared/shards.ts";
import { OG_DIR } from "../site/og.ts";
import { SHARD_FILE, type ShardManifest } from "./build-mode.ts";
import { keyOf } from "./cache.ts";
import { headOf } from "./generate.ts";
import { generatedFiles } from "./generated-files.ts";
import { GENERATED_KINDS, layout } from "./layout.ts";

/**
 * Where the site serves each report's digest (/data/reports/<slug>.json, the contract in
 * ../shared/digest-contract.md): the generated files as written, copied into the site by the build.
 */
export const DIGESTS_URL = "data/reports";

function readManifest(dir: string): ShardManifest {
  const path = join(dir, SHARD_FILE);
  if (!existsSync(path))
    throw new Error(`${path}: missing; is ${dir} the output of npm run build -- --shard K/N?`);
  const m = JSON.parse(readFileSync(path, "utf8")) as Partial<ShardManifest>;
  if (
    typeof m.shard !== "number" ||
    typeof m.of !== "number" ||
    typeof m.bundles !== "number" ||
    !Array.isArray(m.written)
  )
    throw new Error(`${path}: not a shard manifest (expected shard, of, bundles, written)`);
  return m as ShardManifest;
}

/** Every shard's manifest, checked to be shards 1…N of one site, once each. */
export function readShardOutputs(dirs: readonly string[]): ShardManifest[] {
  if (!dirs.length) throw new Error("npm run join: name the shard outputs (npm run join -- DIR…)");
  const manifests = dirs.map(readManifest);
  const seen = new Map<number, string>();
  manifests.forEach((m, i) => {
    const where = join(dirs[i] as string, SHARD_FILE);
    if (m.of !== dirs.length)
      throw new Error(`${where}: shard ${m.shard} of ${m.of}, but ${dirs.length} shard outputs were given`);
    if (m.shard < 1 || m.shard > m.of)
      throw new Error(`${where}: shard ${m.shard} of ${m.of} does not exist`);
    if (m.bundles !== manifests[0]?.bundles)
      throw new Error(
        `${where}: built from a different set of reports than ${join(dirs[0] as string, SHARD_FILE)}`,
      );
    const twin = seen.get(m.shard);
    if (twin) throw new Error(`${where}: shard ${m.shard} is given twice (also ${twin})`);
    seen.set(m.shard, where);
  });
  return manifests;
}

/** Makes the shards' digests this project's generated digests and heads (what pages list). */
export function takeDigests(root: string, dirs: readonly string[]): number {
  const p = layout(root);
  for (const kind of GENERATED_KINDS) mkdirSync(join(p.generated, kind), { recursive: true });
  const files = generatedFiles(p);
  const heads = [];
  for (const dir of dirs) {
    const from = join(dir, DIGESTS_URL);
    for (const name of readdirSync(from).filter((n) => n.endsWith(".json"))) {
      const text = readFileSync(join(from, name), "utf8");
      const digest = checkedDigest(JSON.parse(text), join(from, name));
      heads.push(headOf(digest));
      files.put(`digests/${name}`, keyOf(text), () => text);
    }
  }
  files.finish();
  writeFileSync(p.heads, JSON.stringify(heads));
  // What a site build remembers of its sources no longer describes .generated/.
  rmSync(p.sources, { force: true });
  return heads.length;
}

/** Takes each shard's report pages, assets and search bundles into the built site. */
export function takeShardPages(siteDir: string, dirs: readonly string[], manifests: ShardManifest[]): void {
  for (const dir of dirs) {
    cpSync(join(dir, "reports"), join(siteDir, "reports"), { recursive: true });
    // Each report's share card, drawn by the shard that built its page.
    if (existsSync(join(dir, OG_DIR))) cpSync(join(dir, OG_DIR), join(siteDir, OG_DIR), { recursive: true });
    // Hashed file names: the same name is the same file, whichever build wrote it.
    cpSync(join(dir, "_astro"), join(siteDir, "_astro"), { recursive: true, force: false });
  }
  const search = join(siteDir, SEARCH_DIR);
  rmSync(search, { recursive: true, force: true });
  mkdirSync(search, { recursive: true });
  const bundles = manifests
    .flatMap((m, i) => m.written.map((w) => ({ ...w, dir: dirs[i] as string })))
    .sort((a, b) => a.bundle - b.bundle);
  for (const { key, dir } of bundles)
    cpSync(join(dir, SEARCH_DIR, key), join(search, key), { recursive: true });
  // As in a single build: one pagefind.js, and the wasm only in the first bundle (the one pagefind opens).
  copyFileSync(join(dirs[0] as string, SEARCH_DIR, "pagefind.js"), join(search, "pagefind.js"));
  for (const { key } of bundles.slice(1))
    for (const name of readdirSync(join(search, key)))
      if (/^wasm\./u.test(name)) rmSync(join(search, key, name));
  const list: ShardList = { shards: bundles.map((b) => b.key) };
  writeFileSync(join(search, SHARDS_FILE), JSON.stringify(list));
}
