import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseReport } from "./index.ts";
import { markdownToLines } from "./markdown.ts";

const bodyLines = (md: string) =>
  markdownToLines(md)
    .filter((l) => l.text && !l.forced)
    .map((l) => l.text);

describe("Markdown reports (.md)", () => {
  const path = new URL("../../tests/fixtures/pages/report.md", import.meta.url);
  const { digest: d, warnings } = parseReport({
    bytes: readFileSync(path),
    path: "content/reports/report.md",
  });
  const body = d.sections.flatMap((s) => s.blocks.map((b) => b.text)).join("\n");

  it("reads front matter, the title heading and section headings", () => {
    expect(warnings).toEqual([]);
    expect(d.title).toBe("2023年上街区政府工作报告");
    expect(d.meta.region).toBe("上街区");
    expect(d.sections.map((s) => s.heading)).toEqual([null, "一、2022年工作回顾", "二、2023年工作安排"]);
  });

  it("drops emphasis and link markers but keeps their text; a bold lead-in is the block's lead", () => {
    expect(body).toContain("地区生产总值完成185.6亿元，增长4.2%");
    expect(body).toContain("详见统计公报。");
    expect(body).not.toMatch(/\*|\]\(/u);
    const lead = d.sections[1]?.blocks.find((b) => b.text.startsWith("一是"));
    expect(lead?.text).toBe("一是产业转型步伐加快。通航产业园新入驻企业15家，铝精深加工产值突破100亿元。");
    expect(lead?.lead).toBe("一是产业转型步伐加快。".length);
  });

  it("keeps inline HTML as text and an editor's comment block as chrome", () => {
    expect(body).toContain("R&D投入<增长>10%");
    expect(d.furniture).toContainEqual({ type: "chrome", text: "<!-- 编辑备注：数据待核 -->" });
  });

  it("reads a blog post's HTML body as HTML: paragraphs, headings, <br/>, entities; images and tags leave no text", () => {
    const md = [
      '<p style="text-align:center"><strong>政府工作报告</strong></p>',
      "<p>各位代表：</p>",
      "<h2>一、2018年工作回顾</h2>",
      "<p>国内生产总值增长6.6%，总量突破90万亿元。<br/>经济增速与实物量指标相匹配。</p>",
      '<div><img src="/images/a.jpg" alt="会场"></div>',
      "<p>居民消费价格上涨2.1%。&nbsp;城镇新增就业1361万人。</p>",
      "",
      "城镇调查失业率<span>5%</span>左右。<br>R&D投入<增长>10%。",
    ].join("\n");
    expect(bodyLines(md)).toEqual([
      "政府工作报告",
      "各位代表：",
      "一、2018年工作回顾",
      "国内生产总值增长6.6%，总量突破90万亿元。",
      "经济增速与实物量指标相匹配。",
      "居民消费价格上涨2.1%。\u00a0城镇新增就业1361万人。",
      "城镇调查失业率5%左右。",
      "R&D投入<增长>10%。",
    ]);
  });

  it("reports body lines at their file line, after the front matter", () => {
    const { digest } = parseReport({
      bytes: new TextEncoder().encode(
        "---\nregion: 上街区\n---\n\n# 标题\n\n各位代表：现在我代表区政府报告工作。\n",
      ),
      path: "x.md",
    });
    expect(digest.sections[0]?.blocks[0]?.text).toBe("各位代表：现在我代表区政府报告工作。");
    expect(markdownToLines("# 标题\n\n正文。", 5).find((l) => l.text === "正文。")?.line).toBe(7);
  });
});

describe("markdownToLines", () => {
  it("closes CJK bold that CommonMark leaves open", () => {
    expect(bodyLines("**一是加快发展。**全年完成投资。")).toEqual(["一是加快发展。全年完成投资。"]);
  });

  it("numbers ordered list items and keeps nested content", () => {
    expect(bodyLines("1. 甲项\n2. 乙项\n   - 乙一\n")).toEqual(["1.甲项", "2.乙项", "乙一"]);
  });

  it("keeps code and a lone asterisk as text", () => {
    expect(bodyLines("增速*高于*预期 5 * 3\n\n```\n<script>x</script>\n```")).toEqual([
      "增速高于预期 5 * 3",
      "<script>x</script>",
    ]);
  });
});
