import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePunctuation } from "./punctuation.ts";

describe("normalizePunctuation", () => {
  it("makes half-width punctuation between Chinese characters full-width", () => {
    expect(normalizePunctuation("完成785.6亿元,总量市内六区第二;增速第三:很好!对吗?")).toBe(
      "完成785.6亿元，总量市内六区第二；增速第三：很好！对吗？",
    );
  });

  it("treats a comma after a figure and before Chinese as a clause break", () => {
    expect(normalizePunctuation("达100%,增速第三")).toBe("达100%，增速第三");
  });

  it("converts parentheses in pairs when they hold or touch Chinese", () => {
    expect(normalizePunctuation("143家企业(项目)纳入")).toBe("143家企业（项目）纳入");
    expect(normalizePunctuation("GDP(国内生产总值)")).toBe("GDP（国内生产总值）");
    expect(normalizePunctuation("细颗粒物(PM2.5)浓度")).toBe("细颗粒物（PM2.5）浓度");
  });

  it("leaves numbers, times and Latin text alone", () => {
    expect(normalizePunctuation("共1,234家")).toBe("共1,234家");
    expect(normalizePunctuation("上午10:30召开")).toBe("上午10:30召开");
    expect(normalizePunctuation("GDP,CPI and PPI (2023)")).toBe("GDP,CPI and PPI (2023)");
    expect(normalizePunctuation("Hello,世界")).toBe("Hello,世界");
    expect(normalizePunctuation("见 https://example.com:8080/a")).toBe("见 https://example.com:8080/a");
  });

  it("keeps the length, so figure offsets stay valid", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom("a", "1", "中", "文", ",", ";", ":", "(", ")", "!", "?", " ", "%"),
        }),
        (s) => {
          expect(normalizePunctuation(s)).toHaveLength(s.length);
        },
      ),
    );
  });
});
