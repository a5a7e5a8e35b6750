import { describe, expect, it } from "vitest";
import { enumeration, itemLead } from "./enumeration.ts";

const text = "推进高水平开放。一是加快陆港建设。完善设施。二是推进通航产业。建成会展中心。三是扩大开放。";

describe("enumeration", () => {
  it("splits a paragraph into its opening words and the 一是/二是 items", () => {
    const e = enumeration(text);
    expect(e?.intro).toBe(8);
    expect(e?.items.map(([a, b]) => text.slice(a, b))).toEqual([
      "一是加快陆港建设。完善设施。",
      "二是推进通航产业。建成会展中心。",
      "三是扩大开放。",
    ]);
  });

  it("needs two items in order, each after a clause break", () => {
    expect(enumeration("一是加快陆港建设。")).toBeUndefined();
    expect(enumeration("一是甲。三是乙。")).toBeUndefined();
    // "统一是" is not an enumerator: 一 does not start a clause there.
    expect(enumeration("标准统一是前提。二是乙。")).toBeUndefined();
    expect(enumeration("一是甲；二是乙。")?.items).toEqual([
      [0, 4],
      [4, 8],
    ]);
  });

  it("also reads （1）（2） and （一）（二） numbering", () => {
    const numbered = "办好民生实事。（1）开展就业行动。（2）提升托育服务。（10）不是第三项。";
    expect(enumeration(numbered)?.items.map(([a, b]) => numbered.slice(a, b))).toEqual([
      "（1）开展就业行动。",
      "（2）提升托育服务。（10）不是第三项。",
    ]);
    expect(enumeration("重点：（一）稳增长；（二）促改革。")?.intro).toBe(3);
  });

  it("bolds an item's short first sentence, not a whole item or a long sentence", () => {
    const e = enumeration(text);
    const [first, , last] = e?.items ?? [];
    expect(first && itemLead(text, ...first)).toBe("一是加快陆港建设。".length);
    expect(last && itemLead(text, ...last)).toBeUndefined();
    const long = `一是${"很".repeat(50)}。后文。`;
    expect(itemLead(long, 0, long.length)).toBeUndefined();
  });
});
