import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { type IndexedReport, writeSearchIndex } from "./index-write.ts";

const temp = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A report: the fixture under another slug, with a sentence of its own in every block. */
function report(slug: string, words: string, extraSection = false): IndexedReport {
  const digest: ReportDigest = {
    ...fixtureDigest,
    slug,
    title: `${words}报告`,
    sections: [
      ...fixtureDigest.sections.map((s) => ({
        ...s,
        blocks: s.blocks.map((b) => ({ ...b, text: `${b.text}${words}。` })),
      })),
      ...(extraSection
        ? [
            {
              id: "extra",
              heading: "三、另外一节",
              level: 1 as const,
              blocks: [{ id: "p-x", type: "paragraph" as const, text: `${words}的另一段，共7项。` }],
            },
          ]
        : []),
    ],
  };
  return { slug, key: JSON.stringify(digest), digest: () => digest };
}

/** Every file of a written index, by path. */
function files(siteDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) visit(join(dir, entry.name), `${prefix}${entry.name}/`);
      else out[`${prefix}${entry.name}`] = readFileSync(join(dir, entry.name), "utf8");
    }
  };
  visit(join(siteDir, "search-index"), "");
  return out;
}

describe("writeSearchIndex", () => {
  const first = [report("a-report", "甲乙丙"), report("b-report", "丁戊己"), report("c-report", "庚辛壬")];
  const second = [
    // a removed; b changed and longer; c unchanged; d new.
    report("b-report", "丁戊己改", true),
    report("c-report", "庚辛壬"),
    report("d-report", "癸子丑 12.5%"),
  ];

  // What a full build without a cache writes for the second set of reports.
  let full: Awaited<ReturnType<typeof writeSearchIndex>>;
  beforeAll(async () => {
    full = await writeSearchIndex(second, join(temp, "site-full"));
    expect(full.indexed).toBe(3);
  });

  it("indexes only changed reports on a rebuild and writes exactly what a full build writes", async () => {
    const cache = join(temp, "cache");
    const before = await writeSearchIndex(first, join(temp, "site-1"), cache);
    expect(before.indexed).toBe(3);
    const rebuilt = await writeSearchIndex(second, join(temp, "site-2"), cache);
    expect(rebuilt.indexed).toBe(2);
    expect(files(join(temp, "site-2"))).toEqual(files(join(temp, "site-full")));
    expect(rebuilt).toEqual({ ...full, indexed: 2 });
    // The kept documents of a removed report are dropped from the cache.
    expect(readdirSync(join(cache, "docs"))).toHaveLength(second.length);
  });

  it("indexes a report afresh when one of its kept documents is gone", async () => {
    const cache = join(temp, "cache-partial");
    await writeSearchIndex(first, join(temp, "site-6"), cache);
    const docs = join(cache, "docs");
    for (const dir of readdirSync(docs)) rmSync(join(docs, dir, "1.json"), { force: true });
    const rebuilt = await writeSearchIndex(second, join(temp, "site-7"), cache);
    expect(rebuilt.indexed).toBe(3);
    expect(files(join(temp, "site-7"))).toEqual(files(join(temp, "site-full")));
  });

  it("indexes everything afresh when the cache is unreadable", async () => {
    const cache = join(temp, "cache-broken");
    await writeSearchIndex(first, join(temp, "site-4"), cache);
    rmSync(join(cache, "postings.bin"));
    const rebuilt = await writeSearchIndex(second, join(temp, "site-5"), cache);
    expect(rebuilt.indexed).toBe(3);
    expect(files(join(temp, "site-5"))).toEqual(files(join(temp, "site-full")));
  });
});
