import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "./frontmatter.ts";

describe("parseFrontMatter", () => {
  it("reads the known keys and returns the body after the fence", () => {
    const src =
      "---\nregion: 二七区\nyear: 2023\nkind: 政府工作报告\nsource: 二七区政府工作报告（摘要）\n---\n\n正文";
    const r = parseFrontMatter(src, "f.txt");
    expect(r.data).toEqual({
      region: "二七区",
      year: 2023,
      kind: "政府工作报告",
      source: "二七区政府工作报告（摘要）",
    });
    expect(r.body).toBe("\n正文");
    expect(r.bodyLineOffset).toBe(6);
    expect(r.warnings).toEqual([]);
  });

  it("passes text without front matter through", () => {
    expect(parseFrontMatter("各位代表：", "f.txt")).toMatchObject({
      data: {},
      body: "各位代表：",
      bodyLineOffset: 0,
    });
  });

  it("warns on unknown keys instead of failing", () => {
    const r = parseFrontMatter("---\ntitle: 报告\nreviewer: 某人\n---\n正文", "f.txt");
    expect(r.data).toEqual({ title: "报告" });
    expect(r.warnings).toEqual(['f.txt:3: unknown front matter key "reviewer" ignored']);
  });

  it("a saved blog post's own front matter is source metadata: its title and day, no warning", () => {
    const src = [
      "---",
      "layout: post",
      "title: 2019年政府工作报告（全文）",
      "date: 2019-03-05 10:30:00 +0800",
      "author: admin",
      "comments: true",
      "tags: [政府工作报告, 两会]",
      "categories:",
      "  - 时政",
      "---",
      "<p>各位代表：</p>",
    ].join("\n");
    const r = parseFrontMatter(src, "post.md");
    expect(r.data).toEqual({ title: "2019年政府工作报告（全文）", date: "2019-03-05" });
    expect(r.warnings).toEqual([]);
    expect(r.body).toBe("<p>各位代表：</p>");
  });

  it("fails on wrong types with the key and its line", () => {
    expect(() => parseFrontMatter("---\ntitle: 报告\nyear: 二〇二三\n---\n正文", "f.txt")).toThrow(
      /^f\.txt:3: front matter key "year"/,
    );
  });

  it("fails on a block that never closes, and on broken YAML, with a line", () => {
    expect(() => parseFrontMatter("---\ntitle: 报告\n正文", "f.txt")).toThrow(
      /^f\.txt:1: front matter .* never closed/,
    );
    expect(() => parseFrontMatter("---\ntitle: [报告\n---\n正文", "f.txt")).toThrow(
      /^f\.txt:\d+: malformed front matter/,
    );
  });
});
