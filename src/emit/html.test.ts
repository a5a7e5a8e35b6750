import fc from "fast-check";
import type { Element, ElementContent, Root } from "hast";
import { toHtml as referenceHtml } from "hast-util-to-html";
import { describe, expect, it } from "vitest";
import { toHtml } from "./html.ts";

const hostile = fc.string({ unit: fc.constantFrom(..."<>&\"'`=\0 \n甲乙。a/".split("")), maxLength: 12 });
const value = fc.oneof(
  hostile,
  fc.array(hostile, { maxLength: 3 }),
  fc.integer({ min: -2, max: 5 }),
  fc.boolean(),
  fc.constant(null),
);
const propertyName = fc.constantFrom(
  "id",
  "className",
  "href",
  "title",
  "dataLabel",
  "ariaDescribedBy",
  "ariaHidden",
  "tabIndex",
  "hidden",
  "download",
  "accept",
  "start",
  "src",
  "alt",
);
const tagName = fc.constantFrom(
  "p",
  "a",
  "div",
  "section",
  "h2",
  "ul",
  "li",
  "strong",
  "dfn",
  "span",
  "img",
  "br",
  "hr",
);

const VOID = new Set(["img", "br", "hr"]);

const tree: fc.Arbitrary<ElementContent> = fc.letrec<{ node: ElementContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostile.map((v): ElementContent => ({ type: "text", value: v })),
    fc
      .record({
        tagName,
        properties: fc.dictionary(propertyName, value, { maxKeys: 4 }),
        children: fc.array(tie("node"), { maxLength: 4 }),
      })
      // Void elements have no children in any real tree.
      .map((e): Element => ({ type: "element", ...e, children: VOID.has(e.tagName) ? [] : e.children })),
  ),
})).node;

describe("toHtml", () => {
  it("writes exactly what hast-util-to-html writes, hostile text and values included", () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), (children) => {
        const root: Root = { type: "root", children };
        expect(toHtml(root)).toBe(referenceHtml(root));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses what a page body never holds rather than writing it unescaped", () => {
    const root = (node: unknown) => ({ type: "root", children: [node] }) as Root;
    expect(() => toHtml(root({ type: "raw", value: "<script>" }))).toThrow(/no raw nodes/u);
    expect(() =>
      toHtml(root({ type: "element", tagName: "a onclick=x", properties: {}, children: [] })),
    ).toThrow(/unsafe element name/u);
    expect(() =>
      toHtml(root({ type: "element", tagName: "a", properties: { "x onclick": "y" }, children: [] })),
    ).toThrow(/unsafe attribute name/u);
  });
});
