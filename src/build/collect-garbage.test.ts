import { expect, it } from "vitest";
import { collectGarbage } from "./collect-garbage.ts";

it("runs a full collection, again and again, without --expose-gc", () => {
  expect(() => {
    collectGarbage();
    collectGarbage();
  }).not.toThrow();
});
