// `npm run join -- DIR…`: joins the sites of `npm run build -- --shard K/N` (one DIR per shard, in
// any order) into one site in dist/. It is `npm run build` with the shard outputs named in
// REPORT_JOIN (src/build/build-mode.ts): the integration renders the listing and data pages from
// every shard's digests and takes the shards' report pages and search bundles as they were built.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { readShardOutputs } from "../build/join.ts";
import { fail, readArgs } from "./args.ts";

const dirs = readArgs(process.argv.slice(2), []).positional.map((dir) => resolve(dir));
try {
  readShardOutputs(dirs);
} catch (error) {
  fail((error as Error).message);
}
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = spawnSync(npm, ["run", "--silent", "build"], {
  stdio: "inherit",
  env: { ...process.env, REPORT_JOIN: JSON.stringify(dirs) },
});
process.exit(run.status ?? 1);
