import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { searchFragments } from "../../tests/support/search-fragments.ts";
import type { ReportDigest } from "../ingest/types.ts";
import type { ShardList } from "../shared/shards.ts";
import { type IndexedReport, shardCount, shardOf, writeSearchIndex } from "./pagefind-index.ts";

const dirs: string[] = [];
const temp = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const report = (slug: string, extra = ""): IndexedReport => {
  const digest: ReportDigest = {
    ...fixtureDigest,
    slug,
    sections: fixtureDigest.sections.map((s, i) =>
      i === 0 ? { ...s, blocks: s.blocks.map((b) => ({ ...b, text: b.text + extra })) } : s,
    ),
  };
  return { slug, key: `${slug}:${extra}`, digest: () => digest };
};

describe("shardOf", () => {
  it("assigns a report by its slug alone, the same way every time", () => {
    expect(shardOf("erqiqu-2023", 8)).toBe(shardOf("erqiqu-2023", 8));
    const spread = new Set(Array.from({ length: 100 }, (_, i) => shardOf(`r${i}`, 4)));
    expect(spread).toEqual(new Set([0, 1, 2, 3]));
    expect(shardCount(5)).toBe(1);
    expect(shardCount(1000)).toBe(7);
  });
});

describe("writeSearchIndex", () => {
  it("writes one pagefind bundle per shard and rewrites only the shards whose reports changed", async () => {
    const cache = temp("search-cache");
    const reports = ["a", "b", "c", "d"].map((slug) => report(slug));
    const site1 = temp("site");
    const first = await writeSearchIndex(reports, site1, cache, 1);
    expect(first).toMatchObject({ reports: 4, shards: 4, written: 4 });
    expect(first.records).toBe(4 * 3);
    const list = JSON.parse(readFileSync(join(site1, "pagefind/shards.json"), "utf8")) as ShardList;
    expect(list.shards).toHaveLength(4);
    const texts = searchFragments(site1).map((r) => r.text);
    expect(texts.filter((t) => t.includes("785.6亿元"))).toHaveLength(4);

    const site2 = temp("site");
    const edited = reports.map((r, i) => (i === 2 ? report("c", "新增一句。") : r));
    const second = await writeSearchIndex(edited, site2, cache, 1);
    expect(second).toMatchObject({ shards: 4, written: 1 });
    const again = JSON.parse(readFileSync(join(site2, "pagefind/shards.json"), "utf8")) as ShardList;
    expect(again.shards.filter((k) => list.shards.includes(k))).toHaveLength(3);
    expect(searchFragments(site2).some((r) => r.text.includes("新增一句。"))).toBe(true);

    const third = await writeSearchIndex(edited, temp("site"), cache, 1);
    expect(third.written).toBe(0);

    // The same reports into the same site (astro dev started again): the index is left as it is.
    const shardsFile = join(site2, "pagefind/shards.json");
    const before = statSync(shardsFile).ino;
    const fourth = await writeSearchIndex(edited, site2, cache, 1);
    expect(fourth).toMatchObject({ reports: 4, shards: 4, written: 0, records: second.records });
    expect(statSync(shardsFile).ino).toBe(before);
    // A change is written as before (the cache kept only the shards last used).
    const fifth = await writeSearchIndex(reports, site2, cache, 1);
    expect(fifth.written).toBe(1);
    expect(searchFragments(site2).some((r) => r.text.includes("新增一句。"))).toBe(false);
  }, 60_000);
});
