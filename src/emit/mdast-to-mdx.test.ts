import fc from "fast-check";
import type { PhrasingContent, Root } from "mdast";
import remarkMdx from "remark-mdx";
import remarkStringify from "remark-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { stringifyMdx } from "./mdast-to-mdx.ts";

// The stringifier with mdast-util-to-markdown's own text handler, which escapes every text.
const library = unified().use(remarkMdx).use(remarkStringify, { bullet: "*", listItemIndent: "one" });

const piece = fc.string({ unit: fc.constantFrom(..."营商环境。，1.5%*_<>{}[]!#&\\`~- \n\t") });

const tree = (pieces: string[]): Root => {
  const children: PhrasingContent[] = pieces.map((value, i) =>
    i % 3 === 1
      ? { type: "mdxJsxTextElement", name: "Stat", attributes: [], children: [{ type: "text", value }] }
      : i % 3 === 2
        ? { type: "emphasis", children: [{ type: "text", value }] }
        : { type: "text", value },
  );
  return {
    type: "root",
    children: [
      {
        type: "mdxJsxFlowElement",
        name: "Block",
        attributes: [],
        children: [{ type: "paragraph", children }],
      },
      { type: "list", children: [{ type: "listItem", children: [{ type: "paragraph", children }] }] },
    ],
  };
};

describe("stringifyMdx", () => {
  it("writes text as the library's own text handler does", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        expect(stringifyMdx(tree(pieces))).toBe(library.stringify(tree(pieces)));
      }),
      { numRuns: 2000 },
    );
  });
});
