import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import type { Section } from "../ingest/types.ts";
import { mainTopics, readingMinutes, tableOfContents } from "./summary.ts";

const first = fixtureDigest.sections[0] as Section;

describe("summary", () => {
  it("lists headings for the TOC with display punctuation", () => {
    const digest = { ...fixtureDigest, sections: [{ ...first, heading: "回顾,展望" }] };
    expect(tableOfContents(digest)).toEqual([{ id: "huigu", heading: "回顾，展望", level: 1 }]);
  });

  it("estimates reading time at about 400 CJK characters a minute, at least one", () => {
    expect(readingMinutes(fixtureDigest)).toBe(1);
    const long = "经".repeat(2000);
    const digest = {
      ...fixtureDigest,
      sections: [{ ...first, blocks: [{ id: "p", type: "paragraph" as const, text: long }] }],
    };
    expect(readingMinutes(digest)).toBe(5);
  });

  it("names the topics most sections carry", () => {
    const sections = [["产业", "科技创新"], ["产业"], ["民生社会", "科技创新"], ["产业"]].map(
      (topics, i) => ({
        id: `s${i}`,
        heading: null,
        level: 1 as const,
        blocks: [],
        topics,
      }),
    );
    expect(mainTopics({ ...fixtureDigest, sections }, 2)).toEqual(["产业", "科技创新"]);
  });
});
