// `node scripts/make-common-pairs.ts [CORPUS_DIR]` (default ../shared/corpus): writes
// src/ingest/lexicon/common-pairs.json, the character pairs found in at least a fifth of the
// corpus's sections. The search's ranking query leaves them out (src/scripts/search/engine.ts): a
// plain pagefind search of 发展 or 建设 scores nearly every section for almost nothing, since
// BM25 gives so common a word almost no weight.
import { readFileSync, writeFileSync } from "node:fs";
import { walk } from "../bench/corpus.ts";
import { parseReport } from "../src/ingest/index.ts";
import { indexText } from "../src/shared/search-text.ts";

const SHARE = 0.2;
const [corpus = "../shared/corpus"] = process.argv.slice(2).filter((a) => a !== "--");
const sectionsWith = new Map<string, number>();
let sections = 0;
for (const path of walk(corpus)) {
  let digest: ReturnType<typeof parseReport>["digest"];
  try {
    ({ digest } = parseReport({ path, bytes: readFileSync(path) }));
  } catch {
    continue; // an unreadable source has no sections to count
  }
  for (const section of digest.sections) {
    sections++;
    const text = section.blocks.map((b) => b.text).join("\n");
    for (const word of new Set(indexText(text).split(" ")))
      if (/^\p{Script=Han}{2}$/u.test(word)) sectionsWith.set(word, (sectionsWith.get(word) ?? 0) + 1);
  }
}
const common = [...sectionsWith]
  .filter(([, n]) => n >= SHARE * sections)
  .map(([word]) => word)
  .sort();
const out = "src/ingest/lexicon/common-pairs.json";
writeFileSync(out, `${JSON.stringify({ share: SHARE, sections, pairs: common }, null, 2)}\n`);
console.log(`${out}: ${common.length} pairs in at least ${SHARE * 100} % of ${sections} sections`);
