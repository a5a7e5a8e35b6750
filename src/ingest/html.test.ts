import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlToLines } from "./html.ts";
import { parseReport } from "./index.ts";
import type { ReportDigest } from "./types.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/pages/${name}`, import.meta.url));
const parseHtml = (html: string | Uint8Array, path = "page.html"): ReportDigest =>
  parseReport({ bytes: typeof html === "string" ? new TextEncoder().encode(html) : html, path }).digest;
const bodyText = (d: ReportDigest) => d.sections.flatMap((s) => s.blocks.map((b) => b.text)).join("\n");
const furnitureText = (d: ReportDigest) => d.furniture.map((f) => f.text).join("\n");

describe("saved government page (.html)", () => {
  const d = parseHtml(fixture("gov-article.html"));

  it("reads title, headings and paragraphs from the article container", () => {
    expect(d.title).toBe("2023年上街区政府工作报告");
    expect(d.sections.map((s) => s.heading)).toEqual([null, "一、2022年工作回顾", "二、2023年工作安排"]);
    expect(bodyText(d)).toContain("现在，我代表区人民政府向大会报告工作");
    expect(d.meta.region).toBe("上街区");
    expect(d.meta.year).toBe(2023);
  });

  it("keeps a <strong> lead-in as the block's bold lead and list items as text", () => {
    const lead = d.sections[1]?.blocks.find((b) => b.text.startsWith("一是"));
    expect(lead?.lead).toBe("一是产业转型步伐加快。".length);
    expect(bodyText(d)).toContain("新建5G基站320个；");
    expect(bodyText(d)).toContain("新增市场主体2860户。");
  });

  it("decodes entities once, through the HTML parser: the text is what the page showed", () => {
    expect(bodyText(d)).toContain("研发&创新投入持续增加，<重点项目>建设提速。");
  });

  it("sends scripts, styles, menus, breadcrumbs, font-size and print links, related links and the footer to chrome", () => {
    const body = bodyText(d);
    const furniture = furnitureText(d);
    for (const chrome of [
      "document.write",
      "text-indent",
      "_hmt",
      "政民互动",
      "当前位置：首页 > 政务公开 > 政府工作报告",
      "【字号：大 中 小】",
      "打印 关闭",
      "2021年上街区政府工作报告",
      "豫ICP备05012345号-1",
    ]) {
      expect(body).not.toContain(chrome);
      expect(furniture).toContain(chrome);
    }
    expect(d.furniture.filter((f) => f.text.includes("ICP")).map((f) => f.type)).toEqual(["chrome"]);
  });

  it("loses no CJK character: every one is in the body, a heading, the title or the furniture", () => {
    const src = readFileSync(new URL("../../tests/fixtures/pages/gov-article.html", import.meta.url), "utf8");
    const cjk = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
    const kept =
      cjk(bodyText(d)) +
      cjk(furnitureText(d)) +
      cjk(d.sections.map((s) => s.heading ?? "").join("")) +
      cjk(d.title ?? "");
    // The title appears twice (<title> and <h1>) and once more as the digest title.
    expect(kept).toBeGreaterThanOrEqual(cjk(src));
  });

  it("reads .htm like .html", () => {
    const html =
      "<html><head><title>测试</title></head><body><div><p>各位代表：现在，我代表县人民政府向大会报告工作，请予审议。</p></div></body></html>";
    expect(bodyText(parseHtml(html, "x.htm"))).toContain("我代表县人民政府向大会报告工作");
  });
});

describe("htmlToLines", () => {
  it("uses the <title> without the site name when the page has no <h1>", () => {
    const lines = htmlToLines(
      "<html><head><title>二七区2023年政府工作报告 - 郑州市二七区人民政府</title></head><body><div><p>各位代表：</p><p>现在，我代表区人民政府向大会报告工作。</p></div></body></html>",
    );
    expect(lines.filter((l) => l.text && !l.forced).map((l) => l.text)).toEqual([
      "二七区2023年政府工作报告",
      "各位代表：",
      "现在，我代表区人民政府向大会报告工作。",
    ]);
  });

  it("breaks lines at <br> and block elements, and never at inline markup", () => {
    const lines = htmlToLines("<div><p>第一行<br>第二<b>行</b><span>续</span></p><div>第三行</div></div>", 1);
    expect(lines.filter((l) => l.text && !l.forced).map((l) => l.text)).toEqual([
      "第一行",
      "第二行续",
      "第三行",
    ]);
  });

  it("keeps script text inside the article as chrome, never as body", () => {
    const lines = htmlToLines("<div><p>正文一段。</p><p>正文<script>alert(1)</script>二段。</p></div>");
    expect(lines.filter((l) => l.forced === "chrome").map((l) => l.text)).toEqual(["alert(1)"]);
    expect(lines.filter((l) => l.text && !l.forced).map((l) => l.text)).toEqual([
      "正文一段。",
      "正文",
      "二段。",
    ]);
  });

  it("points lines at their source line", () => {
    const lines = htmlToLines(
      "<html>\n<body>\n<div>\n<p>甲段文字。</p>\n\n<p>乙段文字。</p>\n</div></body></html>",
      1,
    );
    const at = (t: string) => lines.find((l) => l.text === t)?.line;
    expect(at("甲段文字。")).toBe(4);
    expect(at("乙段文字。")).toBe(6);
  });
});
