// The N reports a benchmark builds: the bundled ones, then ../shared/corpus when present, topped up
// with copies under new slugs — or, without the corpus, synthetic reports recombining the bundled
// ones. Always real report text; corpus files are only read, never copied into the repo.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import { slugFromPath } from "../../src/ingest/ids.ts";

export interface BenchReport {
  /** File name under content/reports (its stem is the page slug). */
  name: string;
  text: string;
}

// encodings/ holds the original GBK bytes of reports that are also in the corpus as UTF-8.
const SKIP_DIRS = new Set(["encodings"]);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(path, out);
    } else if (/\.(?:txt|md|html?)$/iu.test(name) && name !== "README.md") out.push(path);
  }
  return out;
}

export function stripFrontMatter(text: string): string {
  return text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/u, "");
}

function frontMatter(text: string): string {
  return /^---\r?\n[\s\S]*?\r?\n---\r?\n/u.exec(text)?.[0] ?? "";
}

/** Originals: the bundled reports and, when present, the corpus; names unique and ASCII. */
export function originalReports(repoRoot: string, corpusDir: string | undefined): BenchReport[] {
  const bundledDir = join(repoRoot, "content/reports");
  const bundled = readdirSync(bundledDir)
    .filter((n) => /\.(?:txt|md|html?)$/iu.test(n))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(bundledDir, name), "utf8") }));
  const corpus =
    corpusDir && existsSync(corpusDir)
      ? walk(corpusDir).map((path) => {
          const rel = relative(corpusDir, path);
          const slug = slugFromPath(rel.replace(/[\\/]/gu, "-"));
          return { name: `${slug}${extname(path).toLowerCase()}`, text: readFileSync(path, "utf8") };
        })
      : [];
  // Different corpus paths can share a slug (保定市_2022.txt in two folders): number the repeats.
  const taken = new Set<string>();
  return [...bundled, ...corpus].map((report) => {
    let name = report.name;
    for (let i = 2; taken.has(slugFromPath(name)); i++) {
      name = report.name.replace(/(\.[^.]+)$/u, `-${i}$1`);
    }
    taken.add(slugFromPath(name));
    return { ...report, name };
  });
}

/** Paragraph lines of a report body, without its front matter or title line. */
const bodyLines = (text: string) =>
  stripFrontMatter(text)
    .split(/\r?\n/u)
    .filter((l) => l.trim())
    .slice(1);

/** A new report from two bundled ones: A's front matter and title, then halves of both bodies. */
function recombine(a: BenchReport, b: BenchReport): string {
  const head = frontMatter(a.text);
  const title =
    stripFrontMatter(a.text)
      .split(/\r?\n/u)
      .find((l) => l.trim()) ?? "";
  const la = bodyLines(a.text);
  const lb = bodyLines(b.text);
  return [
    head + title,
    ...la.slice(0, Math.ceil(la.length / 2)),
    ...lb.slice(Math.floor(lb.length / 2)),
  ].join("\n");
}

/** Exactly n reports: originals first, then copies (or recombinations) under new names. */
export function pickReports(originals: BenchReport[], n: number, withCorpus: boolean): BenchReport[] {
  const picked = originals.slice(0, n);
  const stem = (name: string) => basename(name, extname(name));
  for (let i = 0; picked.length < n; i++) {
    const round = Math.floor(i / originals.length) + 2;
    const a = originals[i % originals.length] as BenchReport;
    const b = originals[(i + 1 + Math.floor(i / originals.length)) % originals.length] as BenchReport;
    const text = withCorpus || originals.length < 2 ? a.text : recombine(a, b);
    picked.push({ name: `${stem(a.name)}-${withCorpus ? "copy" : "mix"}${round}${extname(a.name)}`, text });
  }
  return picked;
}

export function writeReports(dir: string, reports: BenchReport[]): string[] {
  return reports.map((r) => {
    const path = join(dir, r.name);
    writeFileSync(path, r.text);
    return path;
  });
}
