// Stage 2 for saved web pages (.html/.htm): the page's article body as text lines, everything
// else (scripts, navigation, headers, footers, sidebars, forms, link lists) as chrome lines.
// Nothing is dropped silently; entities are decoded by the HTML parser, so the lines are text.
import type { Element, ElementContent, Root, RootContent } from "hast";
import { htmlToHast } from "satteri";
import type { SourceLine } from "./segment.ts";

/** Elements whose whole content is page chrome wherever they stand. */
const CHROME = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "select",
  "button",
]);
/** Elements that end a line of text. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "table",
  "tbody",
  "thead",
  "tr",
  "td",
  "th",
  "blockquote",
  "pre",
  "center",
  "figure",
  "figcaption",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "br",
  "body",
  "html",
  "select",
  "option",
  "iframe",
]);
/** Elements whose text is code or styling, not words: read only as chrome. */
const CODE = new Set(["script", "style", "noscript", "template"]);

type Node = Root | RootContent;

const isElement = (n: Node | ElementContent): n is Element => n.type === "element";

/** The text of a subtree, `<br>` and block boundaries as "\n"; script and style text included only when asked. */
function textOf(node: Node | ElementContent, withCode = false): string {
  if (node.type === "text") return node.value;
  if (node.type === "comment") return "";
  if (!("children" in node)) return "";
  if (isElement(node)) {
    if (node.tagName === "br") return "\n";
    if (!withCode && CODE.has(node.tagName)) return "";
  }
  let out = "";
  for (const c of node.children) {
    const t = textOf(c as Node, withCode);
    out += isElement(c as Node) && BLOCK.has((c as Element).tagName) ? `\n${t}\n` : t;
  }
  return out;
}

/** Characters of paragraph text directly under each element's subtree (p, li, td, or div text). */
function paragraphWeight(node: Node, weights: Map<Node, number>): number {
  if (!("children" in node)) return 0;
  if (isElement(node) && CHROME.has(node.tagName)) {
    weights.set(node, 0);
    return 0;
  }
  let w = 0;
  if (isElement(node) && node.tagName === "p") w = textOf(node).replace(/\s+/gu, "").length;
  else for (const c of node.children) w += paragraphWeight(c as Node, weights);
  weights.set(node, w);
  return w;
}

/** The innermost element holding most (≥ 60 %) of the page's paragraph text: the article. */
function mainContainer(root: Root): Node {
  const weights = new Map<Node, number>();
  const total = paragraphWeight(root, weights);
  let main: Node = root;
  if (total === 0) return main;
  for (;;) {
    const children: Node[] = "children" in main ? (main.children as Node[]) : [];
    const next = children.find(
      (c) => isElement(c) && c.tagName !== "p" && (weights.get(c) ?? 0) >= total * 0.6,
    );
    if (!next) return main;
    main = next;
  }
}

/** A link list: most of its text sits inside links (menus, "related articles"). */
function isLinkList(el: Element): boolean {
  if (el.tagName === "p" || /^h[1-6]$/.test(el.tagName)) return false;
  const all = textOf(el).replace(/\s+/gu, "").length;
  if (all === 0) return false;
  let linked = 0;
  const visit = (n: ElementContent) => {
    if (!isElement(n)) return;
    if (n.tagName === "a") linked += textOf(n).replace(/\s+/gu, "").length;
    else for (const c of n.children) visit(c);
  };
  for (const c of el.children) visit(c);
  const links = countTags(el, "a");
  return links >= 3 && linked / all >= 0.7;
}

function countTags(node: Element, tag: string): number {
  let n = 0;
  for (const c of node.children) if (isElement(c)) n += (c.tagName === tag ? 1 : 0) + countTags(c, tag);
  return n;
}

interface Piece {
  text: string;
  chrome: boolean;
}

/** Walks the tree in document order, emitting text pieces; chrome subtrees become chrome lines. */
function collect(node: Node, main: Node, mainPath: Set<Node>, inMain: boolean, out: Piece[]): void {
  const here = inMain || node === main;
  if (isElement(node) && !mainPath.has(node) && (!here || CHROME.has(node.tagName) || isLinkList(node))) {
    // Script and style text too: kept as furniture, never shown as body.
    out.push({ text: `\n${textOf(node, true)}\n`, chrome: true });
    return;
  }
  if (node.type === "text") {
    out.push({ text: node.value, chrome: !here });
    return;
  }
  if (!("children" in node)) return;
  const block = isElement(node) && BLOCK.has(node.tagName);
  if (block) out.push({ text: "\n", chrome: false });
  for (const c of node.children as Node[]) collect(c, main, mainPath, here, out);
  if (block) out.push({ text: "\n", chrome: false });
}

/** The nodes from the root down to `target`, both included. */
function pathTo(node: Node, target: Node, path: Node[] = []): Node[] | undefined {
  path.push(node);
  if (node === target) return path;
  if ("children" in node) for (const c of node.children as Node[]) if (pathTo(c, target, path)) return path;
  path.pop();
  return undefined;
}

function findFirst(node: Node, tag: string): Element | undefined {
  if (isElement(node) && node.tagName === tag) return node;
  if (!("children" in node)) return undefined;
  for (const c of node.children as Node[]) {
    const hit = findFirst(c, tag);
    if (hit) return hit;
  }
  return undefined;
}

/** The page's title: its first <h1>, else `<title>` without the site name ("标题_某某区人民政府" → "标题"). */
function pageTitle(root: Root): string | undefined {
  const h1 = findFirst(root, "h1");
  const heading = h1 ? textOf(h1).replace(/\s+/gu, " ").trim() : "";
  if (heading) return heading;
  const title = findFirst(root, "title");
  const parts = (title ? textOf(title) : "").split(/\s*(?:[_|｜]|\s[-—–－]\s)\s*/u).map((p) => p.trim());
  return parts.find((p) => p.length >= 4);
}

/**
 * A saved page as source lines: article text lines in order, chrome lines marked `forced:
 * "chrome"`. Line numbers point to the first source line where a line's text starts (best effort:
 * the parser does not report positions).
 */
export function htmlToLines(html: string, firstLine = 1): SourceLine[] {
  const root = htmlToHast(html) as Root;
  const main = mainContainer(root);
  const pieces: Piece[] = [];
  collect(root, main, new Set(pathTo(root, main)), false, pieces);
  const lines: { text: string; chrome: boolean }[] = [];
  let current = { text: "", chrome: true };
  const flush = () => {
    if (current.text.trim()) lines.push({ text: current.text.trim(), chrome: current.chrome });
    current = { text: "", chrome: true };
  };
  for (const p of pieces) {
    const parts = p.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) flush();
      if (part.trim()) {
        current.chrome &&= p.chrome;
        current.text += part;
      }
    });
  }
  flush();
  // An article whose heading stands outside it (or is missing): the page's title names it.
  const title = pageTitle(root);
  const firstBody = lines.find((l) => !l.chrome);
  if (
    title &&
    firstBody &&
    !lines.some((l) => !l.chrome && l.text.replace(/\s+/gu, "") === title.replace(/\s+/gu, ""))
  ) {
    lines.splice(lines.indexOf(firstBody), 0, { text: title, chrome: false });
  }
  const locate = lineLocator(html, firstLine);
  const out: SourceLine[] = [];
  for (const l of lines) {
    const line = locate(l.text);
    // Blank lines between text lines: the text stages read paragraphs as lines.
    out.push({ text: "", line });
    out.push(l.chrome ? { text: l.text, line, forced: "chrome" } : { text: l.text, line });
  }
  return out;
}

/** Finds the source line of each text in turn, searching forward from the previous find. */
function lineLocator(source: string, firstLine: number): (text: string) => number {
  let cursor = 0;
  let line = firstLine;
  return (text) => {
    const probe = text.replace(/\s+/gu, " ").slice(0, 8);
    const at = probe ? source.indexOf(probe, cursor) : -1;
    if (at >= 0) {
      for (let i = source.indexOf("\n", cursor); i !== -1 && i < at; i = source.indexOf("\n", i + 1)) line++;
      cursor = at;
    }
    return line;
  };
}
