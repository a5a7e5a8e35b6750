// Stage 2 for Markdown reports (.md, front matter already removed): the document as text lines
// for the text stages. Headings, paragraphs and list items become lines of their own; emphasis
// and links keep their text and lose their markers.
import type { Nodes, Root } from "mdast";
import { markdownToMdast } from "satteri";
import { htmlToLines } from "./html.ts";
import type { SourceLine } from "./segment.ts";

/** Markup blocks that are page residue, not report text. */
const RESIDUE = /^\s*(?:<!--[\s\S]*-->|<(script|style)\b[\s\S]*<\/\1\s*>)\s*$/iu;

/** An HTML tag (not text in angle brackets such as "<增长>"): blog posts carry their body as HTML. */
const HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>$/u;
/** An HTML block holding markup, read as a web page's content. */
const HTML_MARKUP = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/u;

/** Bold CommonMark leaves open: "**一是加快发展。**正文" (CJK punctuation before a CJK letter). */
const UNCLOSED_STRONG = /\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*/gu;

/** The text of inline content; markers of emphasis, links and code are not text. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case "text":
      return node.value.replace(UNCLOSED_STRONG, "$1");
    case "inlineCode":
      return node.value;
    case "html":
      // "<br/>" breaks the line; other tags are markup around the text, not text.
      if (/^<br\b/iu.test(node.value)) return "\n";
      return HTML_TAG.test(node.value) ? "" : node.value;
    case "break":
      return "\n";
    case "image":
      return node.alt ?? "";
    default:
      return "children" in node ? node.children.map((c) => inlineText(c as Nodes)).join("") : "";
  }
}

/** Markdown body → source lines; `firstLine` is the body's first line in the file. */
export function markdownToLines(markdown: string, firstLine = 1): SourceLine[] {
  const root = markdownToMdast(markdown, { features: { gfm: false, smartPunctuation: false } }) as Root;
  const out: SourceLine[] = [];
  const emit = (node: Nodes, text: string, forced = false) => {
    const line = (node.position?.start.line ?? 1) + firstLine - 1;
    out.push({ text: "", line });
    text.split("\n").forEach((t, i) => {
      out.push(forced ? { text: t, line: line + i, forced: "chrome" } : { text: t, line: line + i });
    });
  };
  const visit = (node: Nodes) => {
    switch (node.type) {
      case "heading":
      case "paragraph":
        emit(node, inlineText(node));
        return;
      case "html":
        if (RESIDUE.test(node.value) || !HTML_MARKUP.test(node.value))
          emit(node, node.value, RESIDUE.test(node.value));
        else out.push(...htmlToLines(node.value, (node.position?.start.line ?? 1) + firstLine - 1));
        return;
      case "code":
        emit(node, node.value);
        return;
      case "list":
        node.children.forEach((item, i) => {
          // Ordered items keep their numbers ("1." …): the text stages read them as list items.
          const marker = node.ordered ? `${(node.start ?? 1) + i}.` : "";
          const [first, ...rest] = item.children;
          emit(item, `${marker}${first ? inlineText(first) : ""}`);
          for (const c of rest) visit(c);
        });
        return;
      default:
        if ("children" in node) for (const c of node.children) visit(c as Nodes);
    }
  };
  visit(root);
  return out;
}
