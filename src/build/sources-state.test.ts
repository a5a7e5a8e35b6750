import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sourcesState } from "./sources-state.ts";

const dir = mkdtempSync(join(tmpdir(), "sources-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sourcesState", () => {
  it("changes with any save, addition or removal, and not otherwise", () => {
    writeFileSync(join(dir, "a.txt"), "一");
    const glossary = join(dir, "missing-glossary.yml");
    const first = sourcesState(dir, [glossary]);
    expect(sourcesState(dir, [glossary])).toBe(first);
    writeFileSync(join(dir, "a.txt"), "二");
    utimesSync(join(dir, "a.txt"), new Date(), new Date(Date.now() + 5000));
    const saved = sourcesState(dir, [glossary]);
    expect(saved).not.toBe(first);
    writeFileSync(join(dir, "b.mdx"), "x");
    const added = sourcesState(dir, [glossary]);
    expect(added).not.toBe(saved);
    rmSync(join(dir, "b.mdx"));
    expect(sourcesState(dir, [glossary])).toBe(saved);
  });
});
