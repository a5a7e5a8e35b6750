// Ingest fidelity: `npm run eval`. Scores `parse` with ../shared/eval/score.mjs on the seeds' gold
// and on the project's own corpus gold (tests/gold/corpus), then measures reflow invariance over
// the corpus: each file hard-wrapped every 30–40 characters with blank lines and page furniture
// inserted mid-sentence, and the share of the original's blocks the wrapped copy gives back whole.
// Figures are printed against issue #16's targets; the corpus parts skip when ../shared is absent.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { isReportInputError } from "../src/ingest/errors.ts";
import { CORPUS, hasCorpus, listFiles, parseText, reflow } from "../src/ingest/testing.ts";

const SCORER = "../shared/eval/score.mjs";
const WIDTHS = [31, 37, 34, 40, 33, 36, 30, 38];
const INSERTS = [0, 1, 2, 3, 0, 4, 1, 5, 0, 2];

const verbose = process.argv.includes("--verbose");

function score(label: string, args: string[]): void {
  // The scorer exits 1 when no gold file could be scored; its summary line says so. Quiet, it
  // prints the summary only; verbose, a line per file and what it missed.
  const run = spawnSync(process.execPath, [SCORER, ...args, ...(verbose ? [] : ["--quiet"])], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const lines = `${run.stdout}${run.stderr}`.trimEnd().split("\n");
  for (const line of verbose ? lines : lines.slice(-1)) console.log(`${label}: ${line}`);
}

/** Blocks of `a` that `b` holds too, as a multiset: a block split or merged by the wrap counts as lost. */
function blocksKept(a: string[], b: string[]): number {
  const pool = new Map<string, number>();
  for (const t of b) pool.set(t, (pool.get(t) ?? 0) + 1);
  let kept = 0;
  for (const t of a) {
    const n = pool.get(t) ?? 0;
    if (n > 0) {
      kept++;
      pool.set(t, n - 1);
    }
  }
  return kept;
}

const blockTexts = (text: string) => parseText(text).sections.flatMap((s) => s.blocks.map((b) => b.text));

function reflowInvariance(): void {
  const files = listFiles(CORPUS).filter((f) => !relative(CORPUS, f).startsWith("encodings/"));
  let total = 0;
  let kept = 0;
  const worst: { file: string; lost: number; of: number }[] = [];
  for (const f of files) {
    // Literal "\r\n" escapes are line breaks: wrap the lines they delimit.
    const text = readFileSync(f, "utf8").replace(/\\r\\n/g, "\n");
    try {
      const base = blockTexts(text);
      const k = blocksKept(base, blockTexts(reflow(text, WIDTHS, INSERTS)));
      total += base.length;
      kept += k;
      if (k < base.length) worst.push({ file: relative(CORPUS, f), lost: base.length - k, of: base.length });
    } catch (e) {
      if (!isReportInputError(e)) throw e;
    }
  }
  worst.sort((a, b) => b.lost - a.lost);
  const pct = (100 * kept) / Math.max(1, total);
  console.log(
    `reflow: ${files.length} corpus files, ${kept}/${total} blocks identical after hard wrap = ${pct.toFixed(1)} % (target ≥ 98 %)`,
  );
  for (const w of worst.slice(0, 8)) console.log(`    ${w.file}: ${w.lost} of ${w.of} blocks changed`);
}

if (!existsSync(SCORER)) {
  console.log(`${SCORER} not found: nothing to score`);
  process.exit(0);
}
score("seeds", []);
if (hasCorpus) {
  score("corpus gold", ["--gold", "tests/gold/corpus", "--src", "../shared/corpus"]);
  reflowInvariance();
} else console.log("../shared/corpus not found: corpus gold and reflow skipped");
console.log(
  "targets: title ≥ 95 %, headingF1 ≥ 97, bodyWhole 100 %, junkLeaked ≤ 1 %, statRecall ≥ 98 %, statValue 100 %, trapsTaken ≤ 1 %, cjkLost 0",
);
