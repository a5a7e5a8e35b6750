// What `astro build` is asked to make: the whole site, one build shard of it, or the join of shard
// outputs. Astro hands integrations no CLI arguments of their own, but it ignores flags it does not
// know and runs the integration in the process it was started in, so `npm run build -- --shard 2/4`
// (`astro build --shard 2/4`) is read here from process.argv. `npm run join` (src/cli/join.ts)
// names the shard outputs in REPORT_JOIN (a JSON list of directories), as there can be many.
//
// The assignment: the search index is already split into pagefind bundles by a hash of each slug
// (bundle b of B = shardCount(reports), src/search/pagefind-index.ts); build shard K of N takes the
// reports of bundles K-1, K-1+N, K-1+2N, …. Each bundle is then written whole by one shard, byte
// for byte what a single build writes, and the join only lists them. Adding a report moves no
// other until the number of bundles changes (every 150 reports).
import { shardCount, shardOf } from "../search/pagefind-index.ts";

export interface BuildShard {
  /** 1-based. */
  index: number;
  count: number;
}

export type BuildMode =
  | { kind: "site" }
  | { kind: "shard"; shard: BuildShard }
  | { kind: "join"; dirs: string[] };

/** The build shard a "K/N" argument names, or an error saying what is wrong with it. */
export function parseShard(text: string): BuildShard {
  const match = /^(\d+)\/(\d+)$/u.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(`--shard ${text}: expected K/N with 1 ≤ K ≤ N (e.g. --shard 1/4)`);
  return { index, count };
}

export function buildMode(argv: readonly string[] = process.argv, env = process.env): BuildMode {
  const at = argv.findIndex((a) => a === "--shard" || a.startsWith("--shard="));
  const joined = env.REPORT_JOIN;
  if (at >= 0 && joined) throw new Error("--shard and npm run join cannot be combined");
  if (at >= 0) {
    const arg = argv[at] as string;
    const value = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : argv[at + 1];
    if (!value) throw new Error("--shard needs a value K/N (e.g. --shard 1/4)");
    return { kind: "shard", shard: parseShard(value) };
  }
  if (joined) return { kind: "join", dirs: JSON.parse(joined) as string[] };
  return { kind: "site" };
}

/** Whether a report belongs to a build shard, given how many reports the whole site has. */
export const inShard = (slug: string, reports: number, shard: BuildShard): boolean =>
  shardOf(slug, shardCount(reports)) % shard.count === shard.index - 1;

/** Where a shard's site goes unless --outDir says otherwise. */
export const shardOutDir = (shard: BuildShard): string => `dist-shards/${shard.index}-of-${shard.count}`;

/** The file a shard build leaves at its site's root for the join: which shard it is, and its bundles. */
export const SHARD_FILE = "build-shard.json";

export interface ShardManifest {
  shard: number;
  of: number;
  /** Search bundles of the whole site. */
  bundles: number;
  /** This shard's bundles: key (directory under /pagefind/) and position in the site's list. */
  written: { key: string; bundle: number }[];
}
