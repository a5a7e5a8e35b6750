// Block annotation: what the page, search and data show of a block beyond its text — its list
// reading (./enumeration.ts) and the glossary terms it uses. Computed once here, stored in the
// digest; nothing downstream finds them again.
import { blockEnumeration } from "./enumeration.ts";
import type { FindTerms } from "./glossary.ts";
import type { Block, Section } from "./types.ts";

function annotateBlock(block: Block, findTerms: FindTerms | undefined): Block {
  // Found anew from the text (a block annotated before keeps none of its old spans).
  const { enumeration: _oldEnumeration, terms: _oldTerms, ...rest } = block;
  const out: Block = rest;
  const enumeration = blockEnumeration(block);
  if (enumeration) out.enumeration = enumeration;
  const terms = findTerms?.(block.text).map(({ start, end, term }) => ({ start, end, term }));
  if (terms?.length) out.terms = terms;
  return out;
}

export const annotateBlocks = (sections: Section[], findTerms: FindTerms | undefined): Section[] =>
  sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => annotateBlock(b, findTerms)) }));
