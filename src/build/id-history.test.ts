import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Section } from "../ingest/types.ts";
import { generate } from "./generate.ts";
import { loadIdHistory, rememberSectionIds, sectionFingerprints, serializeIdHistory } from "./id-history.ts";

const section = (id: string, level: 1 | 2 | 3, ...blockIds: string[]): Section => ({
  id,
  heading: id,
  level,
  blocks: blockIds.map((b) => ({ id: b, type: "paragraph", text: b })),
});

/** Builds once per version of a report, each build starting from the previous build's history. */
function rebuild(...versions: Section[][]) {
  let history = {};
  let sections: Section[] = [];
  for (const version of versions) {
    ({ sections, history } = rememberSectionIds(version, history));
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

describe("rememberSectionIds", () => {
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
    expect(aliases).toEqual({ c: ["a", "b"] });
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
    // An old section id that is now a block's id stays the block's.
    const sections = [section("x", 1, "p-1")];
    const [fingerprint = ""] = sectionFingerprints(sections);
    expect(rememberSectionIds(sections, { y: fingerprint }).sections[0]?.aliases).toEqual(["y"]);
    const taken = rememberSectionIds(sections, { y: fingerprint }, new Set(["y"]));
    expect(taken.sections[0]?.aliases).toBeUndefined();
  });

  it("remembers ids of removed sections", () => {
    const { history } = rebuild([section("a", 1, "p-1"), section("b", 1, "p-2")], [section("a", 1, "p-1")]);
    expect(Object.keys(history).sort()).toEqual(["a", "b"]);
  });
});

describe("registry file", () => {
  it("round-trips with sorted keys and ignores a missing or malformed file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ids-"));
    const path = join(dir, "r.json");
    expect(loadIdHistory(path)).toEqual({});
    const text = serializeIdHistory({ zhong: "2", an: "1" });
    expect(text).toBe('{\n  "an": "1",\n  "zhong": "2"\n}\n');
    writeFileSync(path, text);
    expect(loadIdHistory(path)).toEqual({ an: "1", zhong: "2" });
    writeFileSync(path, "[1,2]");
    expect(loadIdHistory(path)).toEqual({});
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
    const first = generate({ root }).digests[0];
    const renamed = first?.sections.find((s) => s.heading && s.blocks.length > 0);
    if (!first || !renamed?.heading) throw new Error("the seed report has a titled section");
    expect(existsSync(join(root, "content/ids/r.json"))).toBe(true);

    writeFileSync(file, source.replace(renamed.heading, `切实${renamed.heading}`));
    const second = generate({ root }).digests[0];
    const moved = second?.sections.find((s) => s.aliases?.includes(renamed.id));
    expect(moved?.id).not.toBe(renamed.id);
    expect(moved?.blocks).toEqual(renamed.blocks);
    expect(readFileSync(join(root, ".generated/reports/r.mdx"), "utf8")).toContain(`aliases="${renamed.id}"`);
    expect(loadIdHistory(join(root, "content/ids/r.json"))).toHaveProperty(renamed.id);
  });
});
