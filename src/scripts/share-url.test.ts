import { describe, expect, it } from "vitest";
import { fragmentId, linkTo, quoteLink, textDirective } from "./share-url.ts";

const page = "https://report-digest.example.org/reports/shangjiequ-2022-huigu/";

describe("share links", () => {
  it("links to an anchor on the canonical page, replacing any fragment", () => {
    expect(linkTo(page, "ju-jiao")).toBe(`${page}#ju-jiao`);
    expect(linkTo(`${page}#old`, "p-1")).toBe(`${page}#p-1`);
  });

  it("quotes short passages whole and long ones by their first and last words", () => {
    expect(textDirective("  增长5.2%，\n 比上年-提高 ")).toBe(
      `text=${encodeURIComponent("增长5.2%， 比上年")}%2D${encodeURIComponent("提高")}`,
    );
    const long =
      "全区地区生产总值完成785.6亿元，增长4.2%，一般公共预算收入完成20.1亿元，增长8.9%，社会消费品零售总额完成300亿元";
    const directive = textDirective(long) ?? "";
    const [start, end] = directive
      .replace(/^text=/u, "")
      .split(",")
      .map(decodeURIComponent);
    expect(long.startsWith(start ?? "x")).toBe(true);
    expect(long.endsWith(end ?? "x")).toBe(true);
    expect(textDirective(" \n ")).toBeUndefined();
  });

  it("puts the paragraph anchor before the text directive, so old browsers still land on it", () => {
    expect(quoteLink(page, "p-0abc", "专精特新")).toBe(
      `${page}#p-0abc:~:text=${encodeURIComponent("专精特新")}`,
    );
    expect(quoteLink(page, "p-0abc", "")).toBe(`${page}#p-0abc`);
  });

  it("reads the element id back from a hash with or without a directive", () => {
    expect(fragmentId("#p-0abc:~:text=%E4%B8%93")).toBe("p-0abc");
    expect(fragmentId("#%E4%B8%93")).toBe("专");
    expect(fragmentId("#:~:text=x")).toBe("");
    expect(fragmentId("#%E4")).toBe("%E4");
  });
});
