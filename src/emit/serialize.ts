// Serialises the emitter's mdast (src/emit/mdx.ts) to MDX text. It handles exactly the node types
// the emitter builds — flow JSX elements, paragraphs, tight lists, text and text JSX elements — and
// is about twenty times faster than the general mdast-util-to-markdown, which spent most of a
// build's emit time deciding, character by character, what needs escaping in which context.
// Escaping stays by construction: every text value passes through `escapeText` and every attribute
// value through `attributeValue`, and the tests compile the output back and compare the text.
import type { List, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";

export class UnsupportedNode extends Error {}

// Everything that can open markup, an expression, a reference or emphasis anywhere in a line.
const INLINE_SYNTAX = /[\\`*_[\]<>{}&~|#!$]/gu;
// What can open a block at the start of a line: list markers, setext underlines, ordered lists.
const LINE_START_MARKER = /(^|\n)(?:([-+=])|(\d{1,9})([.)]))/gu;
// MDX treats `import`/`export` at the start of a line as ESM.
const LINE_START_ESM = /(^|\n)([ie])(?=mport\b|xport\b)/gu;
// Leading or trailing spaces and tabs on a line would be dropped (or become a hard break).
const EDGE_SPACE = /(^|\n)([ \t]+)|([ \t]+)(?=\n|$)/gu;

const charRef = (c: string) => `&#x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;

export function escapeText(value: string): string {
  return value.replace(/\r/gu, charRef).replace(INLINE_SYNTAX, "\\$&");
}

/** Fixes what only matters at line edges, once a paragraph's lines are complete. */
function escapeLineEdges(line: string): string {
  return line
    .replace(
      EDGE_SPACE,
      (_m, start: string | undefined, lead: string | undefined, trail: string | undefined) =>
        lead !== undefined
          ? (start ?? "") + [...lead].map(charRef).join("")
          : [...(trail ?? "")].map(charRef).join(""),
    )
    .replace(LINE_START_ESM, (_m, start: string, c: string) => start + charRef(c))
    .replace(
      LINE_START_MARKER,
      (_m, start: string, marker: string | undefined, digits: string | undefined, dot: string | undefined) =>
        marker !== undefined ? `${start}\\${marker}` : `${start}${digits}\\${dot}`,
    );
}

/** A JSX attribute string: quotes and "&" as character references (JSX strings decode them). */
function attributeValue(value: string): string {
  return value.replace(/[&"]/gu, charRef);
}

function attributes(list: MdxJsxFlowElement["attributes"]): string {
  let out = "";
  for (const a of list) {
    if (a.type !== "mdxJsxAttribute" || typeof a.value !== "string") {
      throw new UnsupportedNode(`attribute ${a.type === "mdxJsxAttribute" ? a.name : a.type}`);
    }
    out += ` ${a.name}="${attributeValue(a.value)}"`;
  }
  return out;
}

function phrasing(nodes: PhrasingContent[]): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "text") out += escapeText(node.value);
    else if (node.type === "mdxJsxTextElement") out += textElement(node);
    else throw new UnsupportedNode(node.type);
  }
  return out;
}

function textElement(node: MdxJsxTextElement): string {
  const open = `<${node.name ?? ""}${attributes(node.attributes as MdxJsxAttribute[])}`;
  return node.children.length ? `${open}>${phrasing(node.children)}</${node.name}>` : `${open} />`;
}

const paragraph = (node: Paragraph) => escapeLineEdges(phrasing(node.children));

function list(node: List): string {
  if (node.ordered || node.spread) throw new UnsupportedNode("ordered or spread list");
  return node.children
    .map((item) => {
      const [only, ...rest] = item.children;
      if (only?.type !== "paragraph" || rest.length || item.spread) throw new UnsupportedNode("list item");
      return `* ${paragraph(only).replaceAll("\n", "\n  ")}`;
    })
    .join("\n");
}

const indent = (text: string) => text.replace(/^(?=.)/gmu, "  ");

function flow(node: RootContent): string {
  switch (node.type) {
    case "paragraph":
      return paragraph(node);
    case "list":
      return list(node);
    case "mdxJsxFlowElement": {
      const open = `<${node.name ?? ""}${attributes(node.attributes)}`;
      if (!node.children.length) return `${open} />`;
      return `${open}>\n${indent(node.children.map(flow).join("\n\n"))}\n</${node.name}>`;
    }
    default:
      throw new UnsupportedNode(node.type);
  }
}

export function serialize(root: Root): string {
  return `${root.children.map(flow).join("\n\n")}\n`;
}
