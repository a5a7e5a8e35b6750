import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt.ts";

describe("excerpt", () => {
  const text = `${"前".repeat(100)}营商环境${"后".repeat(100)}`;
  it("cuts around the first match and marks it", () => {
    const pieces = excerpt(text, [{ start: 100, end: 104 }], 40);
    expect(pieces[0]).toEqual({ text: "…", mark: false });
    expect(pieces.filter((p) => p.mark).map((p) => p.text)).toEqual(["营商环境"]);
    expect(pieces.at(-1)).toEqual({ text: "…", mark: false });
    expect(pieces.map((p) => p.text).join("").length).toBe(42);
  });
  it("returns the start of the text when nothing matches", () => {
    expect(excerpt("短文本", [], 40)).toEqual([{ text: "短文本", mark: false }]);
  });
});
