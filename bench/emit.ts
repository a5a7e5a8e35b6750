// The emit stage per report over the corpus: `npm run bench:emit [-- --rounds N] [--save DIR]
// [--compare DIR] [DIR …]`. Each report is parsed once (with the bundled glossary), then emitted
// as the build does it (digest → mdast → MDX text → body HTML compiled from that tree) in every
// round. Prints the median over reports of each report's median CPU time (this thread's, so a
// shared machine's other work counts less) for the MDX text and the HTML. --save writes each
// report's MDX and HTML to DIR; --compare says which differ from a DIR saved before.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { termMarkup } from "../src/build/emit-pages.ts";
import { digestToMdast } from "../src/emit/digest-to-mdast.ts";
import { mdxPage } from "../src/emit/mdast-to-mdx.ts";
import { reportBodyCompiler } from "../src/emit/mdx-to-html.ts";
import { termFinder } from "../src/ingest/glossary.ts";
import { parseReport } from "../src/ingest/index.ts";
import type { ReportDigest } from "../src/ingest/types.ts";
import { walk } from "./corpus.ts";
import { median } from "./lib/median.ts";

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    rounds: { type: "string", default: "5" },
    save: { type: "string" },
    compare: { type: "string" },
  },
  allowPositionals: true,
});
const rounds = Number(values.rounds);
const roots = positionals.length ? positionals : ["../shared/corpus"];
const glossary = readFileSync("content/glossary.yml", "utf8");
const findTerms = termFinder(glossary);
const digests: ReportDigest[] = [];
for (const path of roots.filter((d) => existsSync(d)).flatMap((d) => walk(d))) {
  try {
    digests.push(parseReport({ bytes: readFileSync(path), path, findTerms }).digest);
  } catch {} // A report the parser rejects has no page.
}
if (digests.length === 0) {
  console.log("no reports found under", roots.join(", "));
  process.exit(0);
}

const cpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};
const compile = reportBodyCompiler(termMarkup(glossary));
const times = digests.map(() => ({ mdx: [] as number[], html: [] as number[] }));
const pages: { mdx: string; html: string }[] = [];
for (let round = 0; round < rounds; round++) {
  for (const [i, stored] of digests.entries()) {
    // A fresh copy each round, as the build reads each digest from its file.
    const digest = structuredClone(stored);
    const t0 = cpuMs();
    const tree = digestToMdast(digest);
    const mdx = mdxPage(digest.slug, tree);
    const t1 = cpuMs();
    const html = compile(mdx, tree);
    const t2 = cpuMs();
    times[i]?.mdx.push(t1 - t0);
    times[i]?.html.push(t2 - t1);
    pages[i] = { mdx, html };
  }
}

// The first round warms the JIT up; it counts only when there is no other.
const perReport = (stage: "mdx" | "html") =>
  times.map((t) => median(rounds > 1 ? t[stage].slice(1) : t[stage]));
console.log(
  `${digests.length} reports, ${rounds} rounds, CPU ms a report (median): MDX text ${median(perReport("mdx")).toFixed(2)}, HTML ${median(perReport("html")).toFixed(2)}`,
);

const fileName = (i: number, ext: string) => `${i}-${digests[i]?.slug}.${ext}`;
if (values.save) {
  mkdirSync(values.save, { recursive: true });
  for (const [i, page] of pages.entries()) {
    writeFileSync(join(values.save, fileName(i, "mdx")), page.mdx);
    writeFileSync(join(values.save, fileName(i, "html")), page.html);
  }
}
if (values.compare) {
  const dir = values.compare;
  const differing = pages.flatMap((page, i) =>
    (["mdx", "html"] as const)
      .map((ext) => fileName(i, ext))
      .filter((name, k) => {
        const path = join(dir, name);
        return !existsSync(path) || readFileSync(path, "utf8") !== (k === 0 ? page.mdx : page.html);
      }),
  );
  console.log(
    differing.length
      ? `${differing.length} files differ from ${dir}: ${differing.slice(0, 10).join(", ")}`
      : `byte-identical to ${dir} (${pages.length} reports, MDX and HTML)`,
  );
  if (differing.length) process.exitCode = 1;
}
