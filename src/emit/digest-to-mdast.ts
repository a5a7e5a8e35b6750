// Digest → the report's syntax tree: mdast with the report vocabulary as MDX JSX nodes. The MDX
// page is written from it (./mdast-to-mdx.ts); report text stays in text nodes and attribute
// values, so the stringifier escapes it.

import type { List, Paragraph, PhrasingContent, Root, RootContent, Text } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx";
import type { Block, BlockTerm, Enumeration, ReportDigest, Section, Stat } from "../ingest/types.ts";
import { normalizePunctuation } from "../shared/punctuation.ts";

/** An inline mark over block text: a figure or a glossary term. */
interface Mark {
  start: number;
  end: number;
  node: (children: PhrasingContent[]) => MdxJsxTextElement;
}

const attr = (name: string, value: string | number | undefined): MdxJsxAttribute[] =>
  value === undefined || value === "" ? [] : [{ type: "mdxJsxAttribute", name, value: String(value) }];

const text = (value: string): Text => ({ type: "text", value });

const inline = (
  name: string,
  attributes: MdxJsxAttribute[],
  children: PhrasingContent[],
): MdxJsxTextElement => ({
  type: "mdxJsxTextElement",
  name,
  attributes,
  children,
});

const flow = (name: string, attributes: MdxJsxAttribute[], children: MdxJsxFlowElement["children"]) =>
  ({ type: "mdxJsxFlowElement", name, attributes, children }) satisfies MdxJsxFlowElement;

function statMark(stat: Stat): Mark {
  return {
    start: stat.start,
    end: stat.start + stat.text.length,
    node: (children) =>
      inline(
        "Stat",
        [
          ...attr("id", stat.id),
          ...attr("l", stat.label ?? undefined),
          ...attr("k", stat.kind),
          ...attr("v", stat.value),
          ...attr("u", stat.unit),
          ...attr("t", stat.target ? 1 : undefined),
        ],
        children,
      ),
  };
}

const termMark = (hit: BlockTerm): Mark => ({
  start: hit.start,
  end: hit.end,
  node: (children) => inline("Term", attr("t", hit.term), children),
});

/** Turns `text[from, to)` into phrasing nodes, wrapping each mark that lies inside the range. */
function phrasing(source: string, from: number, to: number, marks: Mark[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = from;
  for (const mark of marks) {
    if (mark.start < at || mark.end > to) continue;
    if (mark.start > at) out.push(text(source.slice(at, mark.start)));
    out.push(mark.node([text(source.slice(mark.start, mark.end))]));
    at = mark.end;
  }
  if (at < to) out.push(text(source.slice(at, to)));
  return out;
}

/** Keeps marks that do not overlap an earlier kept mark (figures are offered first, so they win). */
function nonOverlapping(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  let end = -1;
  for (const m of sorted) {
    if (m.start >= end) {
      kept.push(m);
      end = m.end;
    }
  }
  return kept;
}

/** Whether a span's lead-in sentence can be set bold: it lies inside the span and cuts no figure or term. */
function leadFits(from: number, to: number, marks: Mark[], lead?: number): lead is number {
  const leadEnd = lead ? from + lead : from;
  return leadEnd > from && leadEnd <= to && !marks.some((m) => m.start < leadEnd && m.end > leadEnd);
}

/**
 * Phrasing for a paragraph span, with the bold lead-in sentence when the block has one; a run-in
 * heading's lead carries its section (id and level) so that it renders as that heading.
 */
function paragraphContent(
  source: string,
  from: number,
  to: number,
  marks: Mark[],
  lead?: number,
  heading: MdxJsxAttribute[] = [],
): PhrasingContent[] {
  if (!leadFits(from, to, marks, lead)) return phrasing(source, from, to, marks);
  return [
    inline("strong", heading, phrasing(source, from, from + lead, marks)),
    ...phrasing(source, from + lead, to, marks),
  ];
}

const listNode = (source: string, items: Enumeration["items"], marks: Mark[]): List => ({
  type: "list",
  ordered: false,
  spread: false,
  children: items.map(({ start, end, lead }) => ({
    type: "listItem",
    spread: false,
    children: [{ type: "paragraph", children: paragraphContent(source, start, end, marks, lead) }],
  })),
});

/** Where a block's opening paragraph ends: before its list when it is read as one, else at its end. */
const introEnd = (block: Block) => (block.enumeration ? block.enumeration.intro : block.text.length);

function blockNode(block: Block, marks: Mark[], heading: MdxJsxAttribute[] = []): MdxJsxFlowElement {
  // Display text: full-width punctuation, same offsets as block.text (the digest keeps the source).
  const shown = normalizePunctuation(block.text);
  // A block read as a list (a list block, or a paragraph enumerating 一是…二是…) shows as its
  // opening words and a list.
  const { enumeration } = block;
  const intro = introEnd(block);
  const body: Array<Paragraph | List> =
    intro > 0
      ? [{ type: "paragraph", children: paragraphContent(shown, 0, intro, marks, block.lead, heading) }]
      : [];
  if (enumeration) body.push(listNode(shown, enumeration.items, marks));
  return flow("Block", [...attr("id", block.id), ...attr("type", enumeration ? "list" : undefined)], body);
}

function sectionNode(section: Section, statsByBlock: Map<string, Stat[]>): RootContent {
  // The first use of each glossary term in a section is marked, where no figure covers it.
  const seenTerms = new Set<string>();
  const figures = section.blocks.reduce((n, b) => n + (statsByBlock.get(b.id)?.length ?? 0), 0);
  let runIn = false;
  const children = section.blocks.map((block, i) => {
    const stats = (statsByBlock.get(block.id) ?? []).map(statMark);
    const terms = (block.terms ?? []).filter((hit) => {
      if (seenTerms.has(hit.term)) return false;
      const clear = !stats.some((s) => s.start < hit.end && hit.start < s.end);
      if (clear) seenTerms.add(hit.term);
      return clear;
    });
    const marks = nonOverlapping([...stats, ...terms.map(termMark)]);
    // A run-in heading is its first paragraph's bold lead, where that can be set; else a heading of its own.
    runIn ||= i === 0 && section.runIn === true && leadFits(0, introEnd(block), marks, block.lead);
    const heading =
      runIn && i === 0 ? [...attr("section", section.id), ...attr("level", section.level + 1)] : [];
    return blockNode(block, marks, heading);
  });
  return flow(
    "Section",
    [
      ...attr("id", section.id),
      ...attr("level", section.level),
      ...attr("heading", section.heading === null ? undefined : normalizePunctuation(section.heading)),
      ...attr("runIn", runIn ? "true" : undefined),
      ...attr("topics", section.topics?.join(",")),
      ...attr("mode", section.mode),
      ...attr("figures", figures),
      ...attr("aliases", section.aliases?.join(",")),
    ],
    children,
  );
}

/** The MDX body of a report page: one `<Section>` per section, `<Block>` per block, `<Stat>`/`<Term>` inline. */
export function digestToMdast(digest: ReportDigest): Root {
  const statsByBlock = new Map<string, Stat[]>();
  for (const stat of digest.stats) {
    const list = statsByBlock.get(stat.blockId);
    if (list) list.push(stat);
    else statsByBlock.set(stat.blockId, [stat]);
  }
  return { type: "root", children: digest.sections.map((s) => sectionNode(s, statsByBlock)) };
}
