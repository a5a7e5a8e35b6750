// Figures with their labels, for checking labels by hand (tests/fixtures/labels/hand-checked.json)
// and for comparing the labels of the whole corpus before and after a change.
//   node scripts/sample-labels.ts [--seed 20261204] [--reports 40] [--figures 300]   a seeded sample, JSON
//   node scripts/sample-labels.ts --all                                               every figure, TSV
//   node scripts/sample-labels.ts --check                 today's labels of the hand-checked figures against their verdicts
// Reports are drawn from each source folder of ../shared/corpus in turn, so every folder is in the sample.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { labelFault } from "../src/ingest/stats.ts";
import {
  CORPUS,
  figureKey,
  figuresOf,
  hasCorpus,
  listFiles,
  parseFile,
  type SampledFigure,
  sentenceAround,
} from "../src/ingest/testing.ts";

function option(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 ? Number(process.argv[k + 1]) : fallback;
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface Row {
  path: string;
  figure: string;
  sentence: string;
  offset: number;
  kind: string;
  label: string | null;
  fragment?: string;
}

function rowsOf(file: string): Row[] {
  const digest = parseFile(file);
  const blocks = new Map(digest.sections.flatMap((s) => s.blocks).map((b) => [b.id, b.text]));
  return digest.stats.map((s) => {
    const { sentence, offset } = sentenceAround(blocks.get(s.blockId) ?? "", s.start);
    const row: Row = {
      path: relative(`${CORPUS}/..`, file),
      figure: s.text,
      sentence,
      offset,
      kind: s.kind,
      label: s.label,
    };
    if (s.labelFragment) row.fragment = s.labelFragment;
    return row;
  });
}

if (!hasCorpus) {
  console.error(`no corpus at ${CORPUS}`);
  process.exit(1);
}
// The original GBK bytes in encodings/ repeat reports of the other folders.
const files = listFiles(CORPUS).filter((f) => !relative(CORPUS, f).startsWith("encodings/"));
interface Checked extends SampledFigure {
  path: string;
  parsed: string | null;
  verdict: string;
  expected: string[];
}

/** Counts of the checked figures by what their label is today; the changed ones are listed. */
function check(): void {
  const fixture = new URL("../tests/fixtures/labels/hand-checked.json", import.meta.url);
  const checked = (JSON.parse(readFileSync(fixture, "utf8")) as { figures: Checked[] }).figures;
  const digests = new Map<string, ReturnType<typeof figuresOf>>();
  const counts = new Map<string, number>();
  for (const c of checked) {
    const found = digests.get(c.path) ?? figuresOf(parseFile(join(CORPUS, "..", c.path)));
    digests.set(c.path, found);
    const label = found.get(figureKey(c))?.label;
    const now =
      label === undefined
        ? "not found"
        : label === null
          ? c.expected.length
            ? "missing"
            : "none"
          : c.expected.includes(label)
            ? "good"
            : labelFault(label)
              ? "fragment (labelFault)"
              : "other (fragment or wrong: check by hand)";
    counts.set(now, (counts.get(now) ?? 0) + 1);
    if (label !== c.parsed)
      console.log(
        `${c.verdict} -> ${now}\t${c.figure}\t${c.parsed ?? "∅"} -> ${label ?? "∅"}\t${c.sentence}`,
      );
  }
  console.log(Object.fromEntries(counts));
}

if (process.argv.includes("--check")) check();
else if (process.argv.includes("--all")) {
  for (const file of files)
    for (const r of rowsOf(file))
      console.log(
        [r.path, r.figure, r.offset, r.kind, r.label ?? "", r.fragment ?? "", r.sentence].join("\t"),
      );
} else {
  const next = random(option("seed", 20261204));
  const byFolder = new Map<string, string[]>();
  for (const f of files) {
    const folder = relative(CORPUS, f).split("/")[0] as string;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const queues = [...byFolder.values()].map((list) => shuffled(list, next));
  const picked: string[] = [];
  for (let k = 0; picked.length < option("reports", 40) && queues.some((q) => q.length); k++) {
    const f = queues[k % queues.length]?.shift();
    if (f) picked.push(f);
  }
  const rows = shuffled(picked.flatMap(rowsOf), next).slice(0, option("figures", 300));
  console.log(JSON.stringify(rows, null, 1));
}
