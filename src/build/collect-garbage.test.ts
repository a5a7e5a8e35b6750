import { expect, it } from "vitest";
import { collectGarbage } from "./collect-garbage.ts";

it("runs a full collection, again and again, without --expose-gc", () => {
  let garbage: number[][] | undefined = Array.from({ length: 1000 }, () => Array(1000).fill(1));
  expect(garbage.length).toBe(1000);
  garbage = undefined;
  expect(() => {
    collectGarbage();
    collectGarbage();
  }).not.toThrow();
  expect(garbage).toBeUndefined();
});
