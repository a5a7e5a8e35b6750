import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHARD_FILE, type ShardManifest } from "./build-mode.ts";
import { readShardOutputs } from "./join.ts";

function shardOutput(manifest: Partial<ShardManifest>): string {
  const dir = mkdtempSync(join(tmpdir(), "report-digest-shard-"));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, SHARD_FILE), JSON.stringify({ bundles: 3, written: [], ...manifest }));
  return dir;
}

describe("readShardOutputs", () => {
  it("takes shards 1…N of one site, in any order", () => {
    const dirs = [shardOutput({ shard: 2, of: 2 }), shardOutput({ shard: 1, of: 2 })];
    expect(readShardOutputs(dirs).map((m) => m.shard)).toEqual([2, 1]);
  });

  it("names the file that does not fit", () => {
    const one = shardOutput({ shard: 1, of: 2 });
    const plain = mkdtempSync(join(tmpdir(), "report-digest-site-"));
    expect(() => readShardOutputs([])).toThrow(/name the shard outputs/u);
    expect(() => readShardOutputs([one, plain])).toThrow(`${join(plain, SHARD_FILE)}: missing`);
    expect(() => readShardOutputs([one])).toThrow(/shard 1 of 2, but 1 shard outputs were given/u);
    expect(() => readShardOutputs([one, shardOutput({ shard: 1, of: 2 })])).toThrow(
      /shard 1 is given twice/u,
    );
    expect(() => readShardOutputs([one, shardOutput({ shard: 2, of: 2, bundles: 4 })])).toThrow(
      /a different set of reports/u,
    );
    expect(() => readShardOutputs([one, shardOutput({ shard: 3, of: 2 })])).toThrow(
      /shard 3 of 2 does not exist/u,
    );
    expect(() => readShardOutputs([shardOutput({ shard: 1 })])).toThrow(/not a shard manifest/u);
  });
});
