import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeferredReports } from "./deferred-reports.ts";
import { generate } from "./generate.ts";
import { MIN_FOR_WORKER } from "./two-cores.ts";

const repo = join(import.meta.dirname, "../..");
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A project of `n` copies of a bundled report, report-0 … report-(n-1). */
function project(n: number): string {
  const root = mkdtempSync(join(tmpdir(), "deferred-"));
  roots.push(root);
  mkdirSync(join(root, "content/reports"), { recursive: true });
  cpSync(join(repo, "content/glossary.yml"), join(root, "content/glossary.yml"));
  for (let i = 0; i < n; i++)
    cpSync(
      join(repo, "content/reports/shangjiequ-2022-huigu.txt"),
      join(root, `content/reports/report-${i}.txt`),
    );
  return root;
}

const digests = (root: string) => readdirSync(join(root, ".generated/digests")).sort();

describe("DeferredReports", () => {
  it("leaves a cold start's reports to the background, but a page asked for, then generates them all", async () => {
    const root = project(MIN_FOR_WORKER);
    const deferred = new DeferredReports(root);
    const first = generate({ root, partial: true, defer: deferred.options() });
    expect([first.reports.length, first.parsed, first.deferred.length]).toEqual([0, 0, MIN_FOR_WORKER]);
    deferred.update(first.deferred);
    expect(deferred.ask("report-3")).toBe(true);
    // Asked once is enough; a slug that is not pending is not asked for.
    expect([deferred.ask("report-3"), deferred.ask("no-such-report")]).toEqual([false, false]);
    const background = deferred.parseInBackground();
    // While the background parse runs, a generation takes the page asked for and nothing else.
    const asked = generate({ root, partial: true, defer: deferred.options() });
    expect(asked.reports.map((r) => r.slug)).toEqual(["report-3"]);
    expect(digests(root)).toEqual(["report-3.json"]);
    deferred.update(asked.deferred);
    await background;
    // Then every report is in the parse cache: the whole generation parses none of them again.
    const whole = generate({ root, partial: true, defer: deferred.options() });
    expect([whole.reports.length, whole.parsed, whole.deferred]).toEqual([MIN_FOR_WORKER, 0, []]);
    expect(digests(root)).toHaveLength(MIN_FOR_WORKER);
  }, 60_000);

  it("defers nothing when too few reports are unparsed to be worth it", () => {
    const root = project(3);
    const result = generate({ root, partial: true, defer: new DeferredReports(root).options() });
    expect([result.reports.length, result.deferred]).toEqual([3, []]);
  });
});
