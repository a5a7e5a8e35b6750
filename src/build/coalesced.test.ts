import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesced.ts";

describe("coalesced", () => {
  it("never runs twice at once, and runs once more for any requests made while it ran", async () => {
    let running = 0;
    let overlap = false;
    const runs: number[] = [];
    let requested = 0;
    const task = coalesced(async () => {
      running++;
      overlap ||= running > 1;
      const seen = requested;
      await new Promise((r) => setTimeout(r, 20));
      runs.push(seen);
      running--;
    });
    const all: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      requested++;
      all.push(task.request());
      await new Promise((r) => setTimeout(r, 3));
    }
    await Promise.all(all);
    expect(overlap).toBe(false);
    // The first run, then one more (or a few) for the requests during it; the last saw every request.
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThan(10);
    expect(runs.at(-1)).toBe(10);
  });

  it("runs again for a request after it went idle", async () => {
    let count = 0;
    const task = coalesced(async () => {
      count++;
    });
    await task.request();
    await task.request();
    expect(count).toBe(2);
  });
});
