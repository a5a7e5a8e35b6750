import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { BUNDLED, listFiles, parseFile } from "./testing.ts";
import { checkedDigest, checkedHeads, InvalidDigest } from "./types.ts";

describe("the digest schema", () => {
  it.each(listFiles(BUNDLED))("holds every digest the parser makes: %s", (file) => {
    const digest = JSON.parse(JSON.stringify(parseFile(file)));
    expect(checkedDigest(digest, file)).toEqual(digest);
  });

  it("keeps front matter fields of a report's own", () => {
    const digest = { ...fixtureDigest, meta: { ...fixtureDigest.meta, 届次: "第十六届" } };
    expect(checkedDigest(digest, "x.json").meta.届次).toBe("第十六届");
  });

  it.each([
    [{ ...fixtureDigest, sections: [{ ...fixtureDigest.sections[0], level: 4 }] }, "sections.0.level"],
    [{ ...fixtureDigest, stats: [{ ...fixtureDigest.stats[0], value: "785.6" }] }, "stats.0.value"],
    [{ ...fixtureDigest, slug: undefined }, "slug"],
  ])("refuses a digest that breaks the contract, naming the file and field (%#)", (digest, field) => {
    expect(() => checkedDigest(digest, ".generated/digests/x.json")).toThrow(InvalidDigest);
    expect(() => checkedDigest(digest, ".generated/digests/x.json")).toThrow(
      new RegExp(
        `^\\.generated/digests/x\\.json: not a report digest: ${field.replaceAll(".", "\\.")}: `,
        "u",
      ),
    );
  });

  it("checks the heads file too", () => {
    const { slug, title, meta } = fixtureDigest;
    expect(checkedHeads([{ slug, title, meta }], "heads.json")).toEqual([{ slug, title, meta }]);
    expect(() => checkedHeads([{ slug, meta }], "heads.json")).toThrow(
      /heads\.json: not a report digest: 0\.title/u,
    );
  });
});
