// The HTML of the inline annotations a report's MDX marks up (<Block>, <Stat>, <Term>, <strong>),
// built as hast at compile time (see callout-plugin.ts) rather than rendered by Astro components:
// a page holds hundreds of them, and plain elements let the MDX compiler fold every paragraph into
// one static HTML string instead of a component call per figure. Text and attribute values stay
// hast text and properties, so Sätteri escapes them.
import type { Element, ElementContent } from "hast";
import type { StatKind } from "../ingest/types.ts";
import { formatValue, kindLabel } from "./format.ts";

/** The attributes the emitter writes on a `<Stat>` (src/emit/mdx.ts). */
export interface StatAttributes {
  id: string;
  /** What the figure measures, when the parser could name it. */
  l?: string;
  k: string;
  v: string;
  u: string;
  /** "1" for a target. */
  t?: string;
}

export interface GlossaryTerm {
  term: string;
  explain: string;
  /** The id of the term's entry on /glossary/. */
  anchor: string;
}

const text = (value: string): ElementContent => ({ type: "text", value });

/**
 * One figure in the running text: a link to itself (so it can be focused, tapped and shared) whose
 * popover is built from the data attributes at display time; without JavaScript the title and the
 * visually-hidden label still say what it measures.
 */
export function statElement(attributes: StatAttributes, shown: string): Element {
  const { id, l, k, v, u, t } = attributes;
  const readable = formatValue(Number(v), u);
  const kind = kindLabel({ kind: k as StatKind, target: t === "1" });
  // A figure the parser could not name is described by its kind alone, never by a made-up label.
  const said = l ? `${l}，${kind}` : kind;
  return {
    type: "element",
    tagName: "a",
    properties: {
      className: ["stat"],
      id,
      href: `#${id}`,
      ...(l ? { dataLabel: l } : {}),
      dataKind: kind,
      dataValue: readable,
      title: `${l ? `${l}：` : ""}${readable}（${kind}）`,
    },
    children: [
      text(shown),
      {
        type: "element",
        tagName: "span",
        properties: { className: ["sr-only"] },
        children: [text(`（${said}）`)],
      },
    ],
  };
}

/**
 * A policy term's first use in a section. The explanation shows as a tooltip drawn by CSS from
 * data-explain (no JavaScript needed); screen readers get it as the term's description from the
 * page's hidden definition list (TermDefinitions.astro). A term no longer in the glossary (an
 * ejected page may name one) is plain text.
 */
export function termElement(entry: GlossaryTerm | undefined, shown: string): ElementContent {
  if (!entry) return text(shown);
  return {
    type: "element",
    tagName: "dfn",
    properties: {
      className: ["term"],
      tabIndex: 0,
      dataTerm: entry.term,
      dataExplain: entry.explain,
      ariaDescribedBy: [`def-${entry.anchor}`],
    },
    children: [text(shown)],
  };
}

/** A paragraph or list with its content-derived anchor id. */
export function blockElement(attributes: { id: string; type?: string }, children: ElementContent[]): Element {
  return {
    type: "element",
    tagName: "div",
    properties: { className: attributes.type === "list" ? ["blk", "blk-list"] : ["blk"], id: attributes.id },
    children,
  };
}
