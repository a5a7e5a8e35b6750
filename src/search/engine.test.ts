// The engine over an index built in memory from a few documents (no fetching, no DOM).
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, runSearch } from "./engine.ts";
import { type BuiltIndex, buildIndex } from "./index-build.ts";
import type { SearchIndex } from "./index-client.ts";
import { decodePostings } from "./index-format.ts";
import { parseQuery } from "./query.ts";
import type { SectionDoc } from "./records.ts";
import { shardOf } from "./tokens.ts";

/** The parsed shard file holding `key`. */
const shardOfKey = (built: BuiltIndex, key: string) =>
  JSON.parse(built.shards[shardOf(key, built.manifest.shards)] ?? "{}") as Record<string, number[]>;

const doc = (
  slug: string,
  region: string,
  year: number,
  heading: string,
  body: string,
  topics: string[] = [],
): SectionDoc => ({
  url: `/reports/${slug}/#${heading}`,
  heading,
  report: `${region}报告`,
  slug,
  region,
  year,
  date: String(year),
  topics,
  figures: [],
  text: `${heading}\n${body}`,
});

const docs = [
  doc("a", "上街区", 2023, "开放", "国家通航产业综合示范区建设稳步推进。", ["改革开放"]),
  doc("a", "上街区", 2023, "民生", "创建食品安全示范城市，全区就业稳定。", ["民生社会"]),
  doc("b", "二七区", 2022, "经济", "全区地区生产总值完成785.6亿元，增长4.2%，新增企业120家。", ["经济发展"]),
  doc("b", "二七区", 2022, "产业", "新增企业12家，新能源产业与汽车制造协同。", ["产业"]),
  doc("c", "中原区", 2021, "环境", "持续优化营商环境，示范区建设加快。", ["改革开放"]),
];

function memoryIndex(): SearchIndex {
  const built = buildIndex(docs);
  return {
    manifest: built.manifest,
    postings: async (key) => decodePostings(shardOfKey(built, key)[key] ?? []),
    doc: async (id) => docs[id] as SectionDoc,
  };
}

const search = (q: string, filters = {}, sort: "relevance" | "date" = "relevance") =>
  runSearch(memoryIndex(), parseQuery(q), filters, sort);
const headings = (hits: Array<{ doc: SectionDoc }>) => hits.map((h) => h.doc.heading);

describe("runSearch", () => {
  it("returns only sections holding the whole term, not those sharing its characters", async () => {
    const out = await search("示范区");
    expect(headings(out.results).sort()).toEqual(["开放", "环境"]);
    expect(headings(out.results)).not.toContain("民生");
  });

  it("matches figures as figures: 12 is not 120, 4.2% is found whole", async () => {
    expect(headings((await search("12")).results)).toEqual(["产业"]);
    expect(headings((await search("4.2%")).results)).toEqual(["经济"]);
    expect(headings((await search("785.6亿元")).results)).toEqual(["经济"]);
  });

  it("finds an indicator by its synonym", async () => {
    expect(headings((await search("GDP")).results)).toEqual(["经济"]);
  });

  it("ranks sections with the whole term before sections with only its words", async () => {
    const out = await search("新能源汽车");
    expect(out.results.map((h) => h.tier)).toEqual(["words"]);
    expect(headings(out.results)).toEqual(["产业"]);
  });

  it("requires every word of a multi-word query, and shows partial matches apart", async () => {
    const out = await search("示范区 营商环境");
    expect(headings(out.results)).toEqual(["环境"]);
    expect(headings(out.related)).toContain("开放");
  });

  it("narrows by filters and counts facet values with the other filters applied", async () => {
    const all = await search("示范区");
    expect(all.counts.region.get("上街区")).toBe(1);
    expect(all.counts.region.get("中原区")).toBe(1);
    const narrowed = await search("示范区", { region: "中原区" });
    expect(headings(narrowed.results)).toEqual(["环境"]);
    expect(narrowed.counts.region.get("上街区")).toBe(1);
    expect(narrowed.counts.topic.get("改革开放")).toBe(1);
  });

  it("sorts by date on request", async () => {
    const out = await search("示范区", {}, "date");
    expect(out.results.map((h) => h.doc.year)).toEqual([2023, 2021]);
  });

  it("stops fetching documents once a newer search has started", async () => {
    const index = memoryIndex();
    let fetched = 0;
    const counting = {
      ...index,
      doc: (id: number) => {
        fetched++;
        return index.doc(id);
      },
    };
    const out = await runSearch(counting, parseQuery("区"), {}, "relevance", {
      ...DEFAULT_LIMITS,
      current: () => false,
    });
    expect(fetched).toBe(0);
    expect(out.results).toEqual([]);
  });

  it("finds nothing for a query nothing holds", async () => {
    const out = await search("量子计算");
    expect(out.results).toEqual([]);
    expect(out.total).toBe(0);
  });
});
