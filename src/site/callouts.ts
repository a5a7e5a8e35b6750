// The HTML of the report vocabulary a report's MDX marks up (<Section>, <Block>, <Stat>, <Term>,
// <strong>), built as hast rather than rendered by Astro components: a page holds hundreds of them.
// Report bodies are compiled to HTML with these by src/emit/body-html.ts; MDX that needs the MDX
// compiler (an ejected page with imports or expressions) gets the same elements from the Sätteri
// plugin in callout-plugin.ts. Text and attribute values stay hast text and properties, so the
// serialiser escapes them.
import type { Element, ElementContent } from "hast";
import type { StatKind } from "../ingest/types.ts";
import { formatValue, kindLabel } from "../shared/format.ts";

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
function statElement(attributes: StatAttributes, shown: string): Element {
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
function termElement(entry: GlossaryTerm | undefined, shown: string): ElementContent {
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

/** The attributes the emitter writes on a `<Section>` (src/emit/mdx.ts). */
export interface SectionAttributes {
  id: string;
  /** "1" to "3": the heading level under the page title. */
  level: string;
  heading?: string;
  /** "true" when the heading is set run-in: the first block's bold opening sentence is the heading. */
  runIn?: string;
  /** Comma-separated topic names. */
  topics?: string;
  mode?: string;
  /** How many figures the section holds. */
  figures?: string;
  /** Comma-separated ids the section had before (kept so old links still land here). */
  aliases?: string;
}

const element = (
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[],
): Element => ({
  type: "element",
  tagName,
  properties,
  children,
});

const MODE_LABELS: Record<string, string> = { review: "回顾", plan: "部署" };

/**
 * One report section: its heading with a stable anchor and a link to itself, its annotations
 * (review or plan, topics, how many figures), then its blocks. A section without a heading (the
 * opening words) carries the id itself.
 */
function sectionElement(attributes: SectionAttributes, children: ElementContent[]): Element {
  const { id, level, heading, topics, mode, figures, aliases } = attributes;
  const out: ElementContent[] = (aliases ? aliases.split(",") : []).map((alias) =>
    element("span", { id: alias, className: ["alias-anchor"], ariaHidden: "true" }, []),
  );
  // A run-in heading stays where the report prints it, as its first paragraph's bold opening.
  const runIn = Boolean(heading) && attributes.runIn === "true";
  if (heading && !runIn) {
    const tagName = level === "1" ? "h2" : level === "2" ? "h3" : "h4";
    out.push(element(tagName, { id, className: ["sec-h"] }, [text(heading), headingAnchor(id, heading)]));
  }
  if (heading) {
    const modeLabel = mode ? MODE_LABELS[mode] : undefined;
    const figureCount = Number(figures ?? 0);
    const meta: ElementContent[] = [
      ...(modeLabel ? [element("span", { className: ["mode", `mode-${mode}`] }, [text(modeLabel)])] : []),
      ...(topics ? topics.split(",") : []).map((t) => element("span", { className: ["topic"] }, [text(t)])),
      ...(figureCount > 0
        ? [element("span", { className: ["figcount"] }, [text(`${figureCount} 项数据`)])]
        : []),
    ];
    if (meta.length) out.push(element("p", { className: ["sec-meta"] }, meta));
  }
  return element(
    "section",
    { className: ["sec", `sec-l${level}`], ...(heading && !runIn ? {} : { id }), dataSection: id },
    [...out, ...children],
  );
}

const headingAnchor = (id: string, heading: string) =>
  element("a", { className: ["h-anchor"], href: `#${id}`, ariaLabel: `本节链接：${heading}` }, [text("#")]);

/** A bold lead-in sentence; one that carries a section is that section's run-in heading. */
function leadElement(attributes: Record<string, string>, children: ElementContent[], shown: () => string) {
  const { section, level } = attributes;
  if (!section) return element("strong", {}, children);
  const heading = shown().replace(/[。！]$/u, "");
  return element("strong", { role: "heading", ariaLevel: level ?? "3" }, [
    ...children,
    headingAnchor(section, heading),
  ]);
}

/** A paragraph or list with its content-derived anchor id. */
function blockElement(attributes: { id: string; type?: string }, children: ElementContent[]): Element {
  return element(
    "div",
    { className: attributes.type === "list" ? ["blk", "blk-list"] : ["blk"], id: attributes.id },
    children,
  );
}

/** The string-valued attributes of an MDX element (the report vocabulary takes no expressions). */
export function stringAttributes(
  attributes: ReadonlyArray<{ type: string; name?: string; value?: unknown }>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of attributes)
    if (a.type === "mdxJsxAttribute" && typeof a.value === "string") out[a.name ?? ""] = a.value;
  return out;
}

/** The report vocabulary: the MDX elements a report page may use. */
const FLOW_CALLOUTS = ["Section", "Block"];
export const TEXT_CALLOUTS = ["Stat", "Term", "strong"];
export const REPORT_ELEMENTS = [...FLOW_CALLOUTS, ...TEXT_CALLOUTS];

/**
 * Makes the HTML element for one element of the report vocabulary, from its name, its (string)
 * attributes and converted children; `shown` reads the element's own text, for a figure or a term.
 */
export type CalloutConverter = (
  name: string,
  attributes: Record<string, string>,
  children: ElementContent[],
  shown: () => string,
  lookupTerm: (term: string) => GlossaryTerm | undefined,
) => Element;

export const calloutElement: CalloutConverter = (name, attributes, children, shown, lookupTerm) => {
  switch (name) {
    case "Section":
      return sectionElement(attributes as unknown as SectionAttributes, children);
    case "Block":
      return blockElement({ id: attributes.id ?? "", type: attributes.type }, children);
    case "Stat":
      return statElement(attributes as unknown as StatAttributes, shown());
    case "Term": {
      const term = termElement(lookupTerm(attributes.t ?? ""), shown());
      // A term no longer in the glossary stays as its text, in a span that means nothing.
      return term.type === "element" ? term : element("span", {}, [term]);
    }
    default:
      // The bold lead-in sentence: may hold figures and terms, converted on their own.
      return leadElement(attributes, children, shown);
  }
};

/**
 * The element for a vocabulary element that MDX read as a block: a figure, a term or a bold lead
 * alone on its line (a list's opening words, say) is parsed as a block of its own. It goes back
 * into a paragraph, as the emitter wrote it.
 */
export const calloutBlock: CalloutConverter = (name, attributes, children, shown, lookupTerm) => {
  const only = children.length === 1 ? children[0] : undefined;
  const inline = only?.type === "element" && only.tagName === "p" ? only.children : children;
  if (!TEXT_CALLOUTS.includes(name) || inline.some((c) => c.type === "element" && BLOCK_TAGS.has(c.tagName)))
    return calloutElement(name, attributes, children, shown, lookupTerm);
  return element("p", {}, [calloutElement(name, attributes, inline, shown, lookupTerm)]);
};

// What Markdown makes of block syntax (paragraphs, lists, quotes, code, rules, headings) and the
// vocabulary's own blocks: none can stand inside a paragraph.
const BLOCK_TAGS = new Set("p ul ol li blockquote pre hr h1 h2 h3 h4 h5 h6 div section".split(" "));
