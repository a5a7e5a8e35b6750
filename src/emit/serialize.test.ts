import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, find, type HastNode, textOf } from "../../tests/support/mdx-tree.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { normalizePunctuation } from "../site/punctuation.ts";
import { digestToMdx } from "./mdx.ts";

// Report text with every character that means something to Markdown, MDX or HTML, at line starts too.
const piece = fc.constantFrom(
  ..."\\`*_[]<>{}&~|#!$-+=.)(:;'\"/ \t\n1234567890ab中文，。、“”％".split(""),
  "import ",
  "export ",
  "&amp;",
  "<!--",
  "-->",
  "```",
  "***",
  "1. ",
  "- ",
  "> ",
  "    ",
  "{/* x */}",
  "<Stat>",
  "</Block>",
);
const reportText = fc
  .array(piece, { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(""))
  .filter((t) => t.trim().length > 0 && !/\n\s*\n/u.test(t) && t === t.trim());

function digestWith(text: string, attribute: string): ReportDigest {
  const listText = text.replace(/\n+/gu, "\n");
  return {
    slug: "prop",
    title: attribute,
    meta: { encoding: "utf-8" },
    sections: [
      {
        id: "a",
        heading: attribute,
        level: 1,
        blocks: [
          { id: "p-1", type: "paragraph", text },
          { id: "p-2", type: "list", text: listText },
        ],
      },
    ],
    furniture: [],
    stats: [
      {
        id: "s-1",
        text: text.slice(0, 1),
        value: 1,
        unit: attribute,
        label: attribute,
        kind: "count",
        blockId: "p-1",
        start: 0,
      },
    ],
  };
}

describe("serialize", () => {
  it("round-trips any report text and attribute value through the MDX compiler unchanged", () => {
    fc.assert(
      fc.property(reportText, fc.string({ minLength: 1, maxLength: 20 }), (text, attribute) => {
        const tree = compile(digestToMdx(digestWith(text, attribute)));
        const [paragraph, list] = find(tree, (n) => n.name === "Block");
        // Sätteri drops spaces next to a line break even when written as character references; the
        // page reads the same (HTML collapses them), so they are left out of the comparison.
        // The emitter shows full-width punctuation between Chinese characters (same offsets).
        const shown = normalizePunctuation(text);
        expect(textOf(paragraph as HastNode)).toBe(shown.replace(/[ \t]*\n[ \t]*/gu, "\n"));
        const items = find(list as HastNode, (n) => n.tagName === "li").map(textOf);
        expect(items).toEqual(shown.split("\n").filter((l) => l.trim()));
        // Nothing but what the emitter meant (a block holding only a figure has no <p>, as in MDX; list items may lead in bold).
        const elements = find(tree, (n) => n.type === "element" || n.type.startsWith("mdx"));
        const allowed = new Set(["Section", "Block", "p", "Stat", "ul", "li", "strong"]);
        expect(elements.map((n) => n.tagName ?? n.name).filter((name) => !allowed.has(name ?? ""))).toEqual(
          [],
        );
        expect(find(tree, (n) => n.name === "Stat")).toHaveLength(1);
        const stat = find(tree, (n) => n.name === "Stat")[0] as HastNode;
        expect(stat.attributes?.find((a) => a.name === "u")?.value).toBe(attribute);
        const section = find(tree, (n) => n.name === "Section")[0] as HastNode;
        expect(section.attributes?.find((a) => a.name === "heading")?.value).toBe(attribute);
      }),
      { numRuns: 400 },
    );
  });
});
