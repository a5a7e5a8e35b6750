import { describe, expect, it } from "vitest";
import { markupBlockLines, normalizeLine, normalizeLineEnds, normalizeText } from "./normalize.ts";

const cjk = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join("");

describe("normalize (snippets from the corpus)", () => {
  it("turns literal \\r\\n escapes into line breaks (county_baoding_xlsx)", () => {
    expect(normalizeLine("政府工作报告\\r\\n（2008年3月27日）\\r\\n各位代表：")).toBe(
      "政府工作报告\n（2008年3月27日）\n各位代表：",
    );
  });

  it("reads whitespace entities as spaces, also double-escaped ones", () => {
    expect(normalizeLine("同比增长15.2%。&nbsp;&nbsp;&nbsp;&nbsp;——")).toBe("同比增长15.2%。 ——");
    expect(normalizeLine("研发&amp;nbsp;投入&#160;增长&emsp;")).toBe("研发 投入 增长");
  });

  it("keeps every other entity and tag-like text as written: report text is data", () => {
    for (const text of [
      "R&amp;D投入&#20013;&lt;b&gt;",
      "文中写有<script>alert(1)</script>字样",
      "<b>加粗</b>与<br>换行",
      "注释<!--未闭合",
      "完整注释<!-- x -->在句中",
      "5 * 3 与 * 和_下划线_",
      "&ems......被截断",
    ]) {
      expect(normalizeLine(text)).toBe(text);
    }
  });

  it("replaces literal <U+00A0> tokens and drops zero-width characters (national_ljtyduyu)", () => {
    expect(normalizeLine("会议上国务院总理<U+00A0>李克强")).toBe("会议上国务院总理 李克强");
    expect(normalizeLine("各位代表：<U+200D>")).toBe("各位代表：");
    expect(normalizeLine("经济\u200b运行\ufeff")).toBe("经济运行");
  });

  it("reads ?? runs as lost spaces (GBK round trip)", () => {
    expect(normalizeLine("高唐县县长??杨曙光")).toBe("高唐县县长 杨曙光");
    expect(normalizeLine("“大美河山??醉美涞源”")).toBe("“大美河山 醉美涞源”");
    expect(normalizeLine("国务院总理?李克强")).toBe("国务院总理 李克强");
    expect(normalizeLine("Why? Because")).toBe("Why? Because");
    expect(normalizeLine("居民人均可支配收入增长6.5%?城乡居民收入比缩小")).toBe(
      "居民人均可支配收入增长6.5% 城乡居民收入比缩小",
    );
    expect(normalizeLine("是否达标?2023年")).toBe("是否达标?2023年");
  });

  it("keeps U+FFFD where a character was lost: joining its neighbours would make up a figure", () => {
    expect(normalizeLine("全市生产总值增长1\uFFFD5%，其中\uFFFD业项目12个")).toBe(
      "全市生产总值增长1\uFFFD5%，其中\uFFFD业项目12个",
    );
  });

  it("reads _M_M_ after a figure as % wherever it repeats (county_baoding_xlsx)", () => {
    expect(normalizeLine("地区生产总值增长13.3_M_M_，一般公共预算收入增长8_M_M_。")).toBe(
      "地区生产总值增长13.3%，一般公共预算收入增长8%。",
    );
  });

  it("collapses U+2002/U+2003/U+3000 padding", () => {
    expect(normalizeLine("\u3000\u3000各位代表：")).toBe("各位代表：");
    expect(normalizeLine("海拉尔区人民政府区长\u3000\u3000张天喜")).toBe("海拉尔区人民政府区长 张天喜");
    expect(normalizeLine("\u2003\u2002一、2023年工作回顾")).toBe("一、2023年工作回顾");
  });

  it("folds full-width digits and the full-width decimal point between digits", () => {
    expect(normalizeLine("——２０１０年３月５日")).toBe("——2010年3月5日");
    expect(normalizeLine("比重提高到10．4％。")).toBe("比重提高到10.4%。");
    expect(normalizeLine("一．坚持")).toBe("一．坚持");
  });

  it("drops Markdown bold markers, keeping single asterisks", () => {
    expect(normalizeLine("地区生产总值完成**785.6亿元**,总量")).toBe("地区生产总值完成785.6亿元,总量");
    expect(normalizeLine("**未闭合与*单个")).toBe("未闭合与*单个");
  });

  it("reads _M_M_ as a percent sign", () => {
    expect(normalizeLine("同比增长12_M_M_")).toBe("同比增长12%");
  });

  it("normalises CR CR LF, CRLF and CR line ends", () => {
    expect(normalizeLineEnds("甲\r\r\n乙\r\n丙\r丁\n")).toBe("甲\n乙\n丙\n丁\n");
  });

  it("finds comment and script/style blocks standing on lines of their own", () => {
    expect([...markupBlockLines("<!--\n      \n-->\n正文")]).toEqual([0, 1, 2]);
    expect([...markupBlockLines("正文\n  <script>\nvar a = 1;\n</script>  \n<style>p{}</style>")]).toEqual([
      1, 2, 3, 4,
    ]);
    // Inside a sentence the same markup is text.
    expect(markupBlockLines("句中<!-- x -->继续\n<script>alert(1)</script>之后").size).toBe(0);
  });

  it("keeps CJK punctuation and never loses a CJK character", () => {
    const src = "“十四五”时期，（一）全力以赴稳增长；经济运行回升向好！\\r\\n&nbsp;??《报告》";
    const out = normalizeText(src);
    expect(cjk(out)).toBe(cjk(src.replace(/nbsp/g, "")));
    expect(out).toContain("“十四五”时期，（一）全力以赴稳增长；经济运行回升向好！");
  });
});
