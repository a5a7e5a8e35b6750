import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { buildStats, topicIndex } from "./data.ts";
import { digestOutline } from "./digest-outline.ts";
import { termUses } from "./glossary-usage.ts";
import { describe as summaryOf } from "./summary.ts";

// A section whose first block is longer than any excerpt and whose later blocks use glossary terms.
const long = "全区上下坚持稳中求进工作总基调，".repeat(12);
const digest: ReportDigest = {
  ...fixtureDigest,
  sections: fixtureDigest.sections.map((section, i) => ({
    ...section,
    topics: ["经济发展"],
    blocks:
      i === 0
        ? [
            { id: "p-long", type: "paragraph", text: long },
            ...section.blocks,
            {
              id: "p-term",
              type: "paragraph",
              text: "培育专精特新企业。",
              terms: [{ start: 2, end: 6, term: "专精特新" }],
            },
          ]
        : section.blocks,
  })),
};

describe("digestOutline", () => {
  it("gives the site data what the full digest gives: figures, topic excerpts, glossary uses, summary", () => {
    const outline = digestOutline(digest);
    const listing = (d: ReportDigest) => [{ digest: d, href: "/reports/fixture/" }];
    expect(buildStats(listing(outline))).toEqual(buildStats(listing(digest)));
    expect(topicIndex(listing(outline))).toEqual(topicIndex(listing(digest)));
    expect(termUses([outline])).toEqual(termUses([digest]));
    expect(termUses([outline]).get("专精特新")).toHaveLength(1);
    expect(summaryOf({ ...outline, stats: [] })).toBe(summaryOf({ ...digest, stats: [] }));
  });

  it("keeps one short block a section", () => {
    const outline = digestOutline(digest);
    expect(outline.sections.map((s) => s.blocks.length)).toEqual([1, 1]);
    expect(JSON.stringify(outline).length).toBeLessThan(JSON.stringify(digest).length);
  });
});
