import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Section } from "../ingest/types.ts";
import { generate } from "./generate.ts";
import {
  type IdHistory,
  loadIdHistory,
  rememberIds,
  sectionFingerprints,
  serializeIdHistory,
} from "./id-history.ts";

const section = (id: string, level: 1 | 2 | 3, ...blockIds: string[]): Section => ({
  id,
  heading: id,
  level,
  blocks: blockIds.map((b) => ({ id: b, type: "paragraph", text: b })),
});

/** Builds once per version of a report, each build starting from the previous build's history. */
function rebuild(...versions: Section[][]) {
  let history: IdHistory = { sections: {}, anchors: {} };
  let sections: Section[] = [];
  for (const version of versions) {
    ({ sections, history } = rememberIds(version, [], history));
  }
  return { sections, history, aliases: Object.fromEntries(sections.map((s) => [s.id, s.aliases])) };
}

describe("sectionFingerprints", () => {
  it("covers a heading's subsections and nothing for an empty section", () => {
    const [parent, child, empty, other] = sectionFingerprints([
      section("a", 1),
      section("b", 2, "p-1"),
      section("c", 1),
      section("d", 1, "p-1"),
    ]);
    expect(parent).toBe(child);
    expect(parent).toBe(other);
    expect(empty).toBeUndefined();
  });
});

describe("rememberIds: sections", () => {
  it("keeps a renamed section's old id as an alias", () => {
    const { aliases } = rebuild(
      [section("qianyan", 1, "p-0"), section("jingji", 1, "p-1")],
      [section("qianyan", 1, "p-0"), section("jingji-fazhan", 1, "p-1")],
    );
    expect(aliases).toEqual({ qianyan: undefined, "jingji-fazhan": ["jingji"] });
  });

  it("follows the lineage through a later text edit and a second rename", () => {
    const { aliases } = rebuild(
      [section("a", 1, "p-1")],
      [section("b", 1, "p-1")],
      [section("b", 1, "p-2")],
      [section("c", 1, "p-2")],
    );
    // "p-1" is the paragraph as it read before its edit.
    expect(aliases).toEqual({ c: ["a", "b", "p-1"] });
  });

  it("gives up when heading and text change together, or when content is not unique", () => {
    expect(rebuild([section("a", 1, "p-1")], [section("b", 1, "p-2")]).aliases).toEqual({ b: undefined });
    const twins = rebuild([section("a", 1, "p-1")], [section("b", 1, "p-1"), section("c", 1, "p-1")]);
    expect(twins.aliases).toEqual({ b: undefined, c: undefined });
  });

  it("never lets an alias shadow a current id", () => {
    // "b" is renamed to "a" while a new "b" appears: the current "b" wins.
    const { aliases } = rebuild([section("b", 1, "p-1")], [section("a", 1, "p-1"), section("b", 1, "p-2")]);
    expect(aliases).toEqual({ a: undefined, b: undefined });
  });

  it("remembers ids of removed sections", () => {
    const { history } = rebuild([section("a", 1, "p-1"), section("b", 1, "p-2")], [section("a", 1, "p-1")]);
    expect(Object.keys(history.sections).sort()).toEqual(["a", "b"]);
  });
});

describe("rememberIds: paragraphs and figures", () => {
  const stat = (id: string, blockId: string) =>
    ({ id, blockId, text: "1", value: 1, unit: "", label: null, kind: "count", start: 0 }) as const;

  it("lands a link to an edited paragraph or its figures on the section that held them", () => {
    const v1 = rememberIds([section("a", 1, "p-1"), section("b", 1, "p-2", "p-3")], [stat("s-1", "p-2")], {
      sections: {},
      anchors: {},
    });
    expect(v1.history.anchors).toEqual({ a: ["p-1"], b: ["p-2", "p-3", "s-1"] });
    // p-2 is edited (new id p-4, its figure now s-2); later section b is re-worded to c.
    const v2 = rememberIds(
      [section("a", 1, "p-1"), section("b", 1, "p-4", "p-3")],
      [stat("s-2", "p-4")],
      v1.history,
    );
    expect(v2.sections.map((s) => s.aliases)).toEqual([undefined, ["p-2", "s-1"]]);
    expect(v2.history.anchors.b).toEqual(["p-2", "p-3", "p-4", "s-1", "s-2"]);
    const v3 = rememberIds(
      [section("a", 1, "p-1"), section("c", 1, "p-4", "p-3")],
      [stat("s-2", "p-4")],
      v2.history,
    );
    expect(v3.sections.map((s) => s.aliases)).toEqual([undefined, ["b", "p-2", "s-1"]]);
  });

  it("keeps a paragraph that moved to another section where it is now", () => {
    const v1 = rememberIds([section("a", 1, "p-1", "p-2"), section("b", 1, "p-3")], [], {
      sections: {},
      anchors: {},
    });
    const v2 = rememberIds([section("a", 1, "p-1"), section("b", 1, "p-2", "p-3")], [], v1.history);
    expect(v2.sections.map((s) => s.aliases)).toEqual([undefined, undefined]);
  });
});

describe("registry file", () => {
  it("round-trips with sorted keys and ignores a missing or malformed file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ids-"));
    const path = join(dir, "r.json");
    expect(loadIdHistory(path)).toEqual({ sections: {}, anchors: {} });
    const history = { sections: { zhong: "2", an: "1" }, anchors: { an: ["p-1", "s-1"] } };
    const text = serializeIdHistory(history);
    expect(text).toBe(
      '{\n  "sections": {\n    "an": "1",\n    "zhong": "2"\n  },\n  "anchors": {\n    "an": ["p-1","s-1"]\n  }\n}\n',
    );
    writeFileSync(path, text);
    expect(loadIdHistory(path)).toEqual(history);
    writeFileSync(path, '{"sections": [1], "anchors": {"a": "p-1"}}');
    expect(loadIdHistory(path)).toEqual({ sections: {}, anchors: { a: [] } });
  });
});

describe("generate keeps the registry", () => {
  it("renders a re-worded heading's old id as an alias and commits the registry", () => {
    const root = mkdtempSync(join(tmpdir(), "ids-root-"));
    mkdirSync(join(root, "content/reports"), { recursive: true });
    const source = readFileSync(
      join(import.meta.dirname, "../../content/reports/shangjiequ-2022-huigu.txt"),
      "utf8",
    );
    const file = join(root, "content/reports/r.txt");
    writeFileSync(file, source);
    // A dev server's regeneration applies the registry but does not record drafts in it.
    generate({ root, recordIds: false });
    expect(existsSync(join(root, "content/ids"))).toBe(false);
    const first = generate({ root }).reports[0]?.digest();
    const renamed = first?.sections.find((s) => s.heading && s.blocks.length > 0);
    if (!first || !renamed?.heading) throw new Error("the seed report has a titled section");
    expect(existsSync(join(root, "content/ids/r.json"))).toBe(true);

    writeFileSync(file, source.replace(renamed.heading, `切实${renamed.heading}`));
    const second = generate({ root }).reports[0]?.digest();
    const moved = second?.sections.find((s) => s.aliases?.includes(renamed.id));
    expect(moved?.id).not.toBe(renamed.id);
    expect(moved?.blocks).toEqual(renamed.blocks);
    expect(readFileSync(join(root, ".generated/reports/r.mdx"), "utf8")).toContain(`aliases="${renamed.id}"`);
    expect(loadIdHistory(join(root, "content/ids/r.json")).sections).toHaveProperty(renamed.id);

    // An edited paragraph's old id lands on its section.
    const paragraph = moved?.blocks[0];
    if (!paragraph) throw new Error("the renamed section has a paragraph");
    const edited = readFileSync(file, "utf8").replace(
      paragraph.text.slice(0, 12),
      `${paragraph.text.slice(0, 12)}，`,
    );
    writeFileSync(file, edited);
    const third = generate({ root }).reports[0]?.digest();
    expect(third?.sections.find((s) => s.id === moved?.id)?.aliases).toContain(paragraph.id);
  });

  it("keeps no registry for a folder of sources outside content/ (benchmarks)", () => {
    const root = mkdtempSync(join(tmpdir(), "ids-bench-"));
    const sources = join(root, "elsewhere");
    mkdirSync(sources);
    const seed = join(import.meta.dirname, "../../content/reports/shangjiequ-2022-huigu.txt");
    writeFileSync(join(sources, "r.txt"), readFileSync(seed));
    process.env.REPORTS_DIR = sources;
    try {
      expect(generate({ root }).reports).toHaveLength(1);
    } finally {
      delete process.env.REPORTS_DIR;
    }
    expect(existsSync(join(root, "content/ids"))).toBe(false);
  });
});
