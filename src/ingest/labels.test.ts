// Figure labels (issue #16): a label names the indicator a figure measures, never a piece of its
// sentence; when no indicator can be named the figure has no label. Measured on figures checked by
// hand (tests/fixtures/labels/hand-checked.json, read from ../shared/corpus, skipped when absent).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CORPUS, figureKey, figuresOf, hasCorpus, parseFile } from "./testing.ts";

interface Checked {
  path: string;
  figure: string;
  offset: number;
  sentence: string;
  parsed: string | null;
  verdict: "good" | "fragment" | "wrong" | "missing" | "none";
  expected: string[];
}

const fixture = JSON.parse(
  readFileSync(new URL("../../tests/fixtures/labels/hand-checked.json", import.meta.url), "utf8"),
) as { figures: Checked[] };

/** The label the parse gives each checked figure today (undefined: the figure is no longer found). */
function labelsNow(figures: Checked[]): (string | null | undefined)[] {
  const byPath = new Map<string, ReturnType<typeof figuresOf>>();
  return figures.map((c) => {
    let found = byPath.get(c.path);
    if (!found) {
      found = figuresOf(parseFile(join(CORPUS, "..", c.path)));
      byPath.set(c.path, found);
    }
    return found.get(figureKey(c))?.label;
  });
}

describe.skipIf(!hasCorpus)("labels of hand-checked figures", () => {
  const figures = fixture.figures;
  const now = hasCorpus ? labelsNow(figures) : [];
  const right = (c: Checked, label: string | null | undefined) =>
    label === null ? c.expected.length === 0 : label !== undefined && c.expected.includes(label);

  it("finds every checked figure", () => {
    expect(figures.filter((_, k) => now[k] === undefined).map((c) => c.figure)).toEqual([]);
  });

  it("keeps every label that was checked good", () => {
    const lost = figures.filter((c, k) => c.verdict === "good" && !right(c, now[k]));
    expect(lost.map((c) => `${c.figure}: ${c.parsed} -> ${now[figures.indexOf(c)]}`)).toEqual([]);
  });

  it("names the indicator of most figures and shows few labels that are not it", () => {
    const named = figures.filter((c, k) => right(c, now[k])).length;
    const shownWrong = figures.filter((c, k) => now[k] !== null && !right(c, now[k])).length;
    // At checking time: 226 right (218 good labels, 8 rightly unlabeled), 65 labels shown that
    // were fragments or named something else.
    expect(named).toBeGreaterThanOrEqual(226);
    expect(shownWrong).toBeLessThanOrEqual(65);
  });
});
