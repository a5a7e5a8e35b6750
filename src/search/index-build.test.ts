import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { type BuiltIndex, buildIndex } from "./index-build.ts";
import { decodePostings } from "./index-format.ts";
import { sectionDocs } from "./records.ts";
import { shardOf } from "./tokens.ts";

/** The parsed shard file holding `key`. */
const shardOfKey = (built: BuiltIndex, key: string) =>
  JSON.parse(built.shards[shardOf(key, built.manifest.shards)] ?? "{}") as Record<string, number[]>;

const docs = sectionDocs(fixtureDigest, { href: "/reports/fixture/", title: "测试区政府工作报告" });

describe("sectionDocs", () => {
  it("makes one document for the report and one per section, linking to its anchor, with its figures' labels", () => {
    expect(docs.map((d) => d.url)).toEqual([
      "/reports/fixture/",
      "/reports/fixture/#huigu",
      "/reports/fixture/#bushu",
    ]);
    expect(docs[0]?.text).toBe("测试区政府工作报告\n测试区 · 2023年");
    expect(docs[1]?.text.startsWith("一、过去一年工作回顾\n制造业竞争力")).toBe(true);
    expect(docs[1]?.figures).toContain("地区生产总值");
    expect(docs[1]).toMatchObject({ region: "测试区", year: 2023, slug: "fixture" });
  });
});

describe("buildIndex", () => {
  const built = buildIndex(docs);
  const postings = (key: string) => decodePostings(shardOfKey(built, key)[key] ?? []);

  it("stores each key's sections with how often the key occurs", () => {
    expect([...postings("专精").entries()]).toEqual([[1, 1]]);
    expect([...postings("785.6").keys()]).toEqual([1]);
    expect([...postings("国际").entries()]).toEqual([[2, 2]]);
    expect([...postings("测试").keys()]).toEqual([0]);
  });

  it("keeps facets in the manifest, per section", () => {
    const { manifest } = built;
    expect(manifest.regions).toEqual(["测试区"]);
    expect(manifest.sections).toHaveLength(3);
    expect(manifest.reports[0]?.[1]).toBe(2023);
  });

  it("names the build by its content, so a changed index is fetched afresh", () => {
    expect(buildIndex(docs).manifest.build).toBe(built.manifest.build);
    expect(buildIndex(docs.slice(0, 1)).manifest.build).not.toBe(built.manifest.build);
  });
});
