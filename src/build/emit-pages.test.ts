import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { reportBodyCompiler } from "../emit/mdx-to-html.ts";
import { BUNDLED, listFiles, parseFile } from "../ingest/testing.ts";
import { emitPages, type PageJob, termMarkup } from "./emit-pages.ts";
import { readGlossary } from "./generate.ts";
import { bodyFiles } from "./generated-files.ts";
import { layout } from "./layout.ts";
import { MIN_FOR_WORKER } from "./two-cores.ts";

const repo = join(import.meta.dirname, "../..");
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project whose .generated/digests holds `n` digests (the bundled reports under new slugs). */
function projectWithDigests(n: number): { root: string; jobs: PageJob[] } {
  const root = mkdtempSync(join(tmpdir(), "emit-pages-"));
  roots.push(root);
  const dirs = layout(root);
  for (const dir of [dirs.reports, dirs.digests, dirs.mdx, dirs.bodies, dirs.mdxPages])
    mkdirSync(dir, { recursive: true });
  cpSync(join(repo, "content/glossary.yml"), dirs.glossary);
  const digests = listFiles(BUNDLED).map((file) => parseFile(file));
  const jobs = Array.from({ length: n }, (_, i) => {
    const slug = `report-${i}`;
    const digest = { ...(digests[i % digests.length] as (typeof digests)[number]), slug };
    writeFileSync(join(dirs.digests, `${slug}.json`), JSON.stringify(digest));
    return { slug, ejected: false };
  });
  return { root, jobs };
}

describe("emitPages", () => {
  it("emits every page in a worker, each body compiled from the MDX file on disk", () => {
    const { root, jobs } = projectWithDigests(MIN_FOR_WORKER + 4);
    const dirs = layout(root);
    // An ejected page that needs @astrojs/mdx, among the others.
    writeFileSync(dirs.ejected("report-3"), '<Block id="p-1">\n  共{1 + 1}项\n</Block>\n');
    const all = jobs.map((j) => (j.slug === "report-3" ? { ...j, ejected: true } : j));
    const written = emitPages(all, { root, glossary: readGlossary(dirs.glossary) });
    const lookupTerm = termMarkup(readGlossary(dirs.glossary));
    for (const { slug } of jobs) {
      const mdx = readFileSync(join(dirs.mdx, `${slug}.mdx`), "utf8");
      if (slug === "report-3") {
        expect(written.get(slug)).toBe(bodyFiles(slug).mdxPage);
        expect(readFileSync(join(dirs.generated, bodyFiles(slug).mdxPage), "utf8")).toBe(mdx);
        continue;
      }
      expect(written.get(slug)).toBe(bodyFiles(slug).html);
      expect(readFileSync(join(dirs.generated, bodyFiles(slug).html), "utf8")).toBe(
        reportBodyCompiler(lookupTerm)(mdx),
      );
    }
  });

  it("throws a page's error here when the worker could not emit it, a stale body not taken for it", () => {
    const { root, jobs } = projectWithDigests(MIN_FOR_WORKER + 2);
    const dirs = layout(root);
    writeFileSync(join(dirs.generated, bodyFiles("report-1").html), "<p>old</p>");
    writeFileSync(join(dirs.digests, "report-1.json"), "{ not json");
    expect(() => emitPages(jobs, { root, glossary: undefined })).toThrow(/JSON/u);
    expect(existsSync(join(dirs.generated, bodyFiles("report-1").html))).toBe(false);
  });

  it("leaves a body that comes out the same untouched, so the dev server's watcher sees no change", () => {
    const { root, jobs } = projectWithDigests(2);
    const dirs = layout(root);
    writeFileSync(dirs.ejected("report-1"), '<Block id="p-1">\n  共{1 + 1}项\n</Block>\n');
    const all = jobs.map((j) => (j.slug === "report-1" ? { ...j, ejected: true } : j));
    const files = [bodyFiles("report-0").html, bodyFiles("report-1").mdxPage].map((f) =>
      join(dirs.generated, f),
    );
    emitPages(all, { root, glossary: undefined });
    const before = files.map((f) => statSync(f).ino);
    emitPages(all, { root, glossary: undefined });
    expect(files.map((f) => statSync(f).ino)).toEqual(before);
    expect(readdirSync(dirs.mdxPages)).toEqual(["report-1.mdx"]);
  });
});
