import { describe, expect, it } from "vitest";
import { buildMode, inShard, parseShard } from "./build-mode.ts";

describe("buildMode", () => {
  it("reads --shard K/N from the command line, in either spelling", () => {
    expect(buildMode(["node", "astro", "build", "--shard", "2/3"], {})).toEqual({
      kind: "shard",
      shard: { index: 2, count: 3 },
    });
    expect(buildMode(["astro", "build", "--shard=1/2"], {})).toEqual({
      kind: "shard",
      shard: { index: 1, count: 2 },
    });
  });

  it("reads the shard outputs of a join from REPORT_JOIN, and is the whole site otherwise", () => {
    expect(buildMode(["astro", "build"], { REPORT_JOIN: '["/a","/b"]' })).toEqual({
      kind: "join",
      dirs: ["/a", "/b"],
    });
    expect(buildMode(["astro", "build"], {})).toEqual({ kind: "site" });
  });

  it("says what is wrong with a bad shard", () => {
    expect(() => parseShard("3/2")).toThrow(/--shard 3\/2: expected K\/N/u);
    expect(() => parseShard("0/2")).toThrow(/1 ≤ K ≤ N/u);
    expect(() => buildMode(["astro", "build", "--shard"], {})).toThrow(/needs a value/u);
    expect(() => buildMode(["astro", "build", "--shard", "1/2"], { REPORT_JOIN: "[]" })).toThrow(
      /cannot be combined/u,
    );
  });
});

describe("inShard", () => {
  it("puts every report in exactly one shard, whole search shards in each", () => {
    const slugs = Array.from({ length: 1000 }, (_, i) => `report-${i}`);
    const shards = [1, 2, 3].map((index) =>
      slugs.filter((s) => inShard(s, slugs.length, { index, count: 3 })),
    );
    expect(shards.flat().sort()).toEqual([...slugs].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(200);
  });
});
