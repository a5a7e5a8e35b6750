// Bad input gives one clear line naming the file (and line), never a crash or a silent gap.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GenerateResult, generate } from "../../src/build/generate.ts";
import { parseReport } from "../../src/ingest/index.ts";
import { GOOD_REPORT } from "../support/hostile.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const invalidInMiddle = () => {
  const good = utf8(GOOD_REPORT);
  return Buffer.concat([good.subarray(0, 60), Buffer.from([0xff, 0xfe, 0xfd]), good.subarray(60)]);
};

/** file name → [content, what its one message must say] */
const BAD: Record<string, [Uint8Array | string, RegExp]> = {
  "empty.txt": ["", /^content\/reports\/empty\.txt: empty file$/],
  "blank.txt": [" \n\t\u3000\n\n", /^content\/reports\/blank\.txt: file holds only white space$/],
  "image.txt": [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    /^content\/reports\/image\.txt: binary data/,
  ],
  "broken.txt": [invalidInMiddle(), /^content\/reports\/broken\.txt: cannot decode: .*offset 60\b/],
  "unclosed.md": [
    `---\ntitle: 标题\nregion: 上街区\n\n${GOOD_REPORT}`,
    /^content\/reports\/unclosed\.md:1: front matter .*never closed/,
  ],
  "badtype.md": [
    `---\ntitle: 标题\nyear: 今年\n---\n${GOOD_REPORT}`,
    /^content\/reports\/badtype\.md:3: front matter key "year"/,
  ],
  "chrome.html": [
    '<html><body><nav><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">工作报告</a></nav><div>【字号：大 中 小】</div><div>打印 关闭</div><footer>豫ICP备05012345号-1</footer></body></html>',
    /^content\/reports\/chrome\.html(?::\d+)?: no report text found/,
  ],
  "chrome.txt": [
    "首页 > 政务公开 > 工作报告\n\n【字号：大 中 小】\n\n打印 关闭\n\n豫ICP备05012345号-1\n",
    /^content\/reports\/chrome\.txt:1: no report text found/,
  ],
  // Same page address as good.txt.
  "Good.md": [
    GOOD_REPORT,
    /^content\/reports\/good\.txt: would get the page address \/reports\/good\/, already taken by content\/reports\/Good\.md/,
  ],
};

describe("bad content files", () => {
  let root: string;
  let result: GenerateResult;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "bad-input-"));
    const dir = join(root, "content/reports");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "good.txt"), GOOD_REPORT);
    writeFileSync(join(dir, "extra-keys.md"), `---\nregion: 上街区\ncolour: 红\n---\n${GOOD_REPORT}`);
    for (const [name, [content]] of Object.entries(BAD)) writeFileSync(join(dir, name), content);
    result = generate({ root, write: false });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("every bad file gets exactly one one-line error naming it; all errors come at once", () => {
    const messages = result.errors.map((e) => e.message);
    for (const m of messages) expect(m).not.toContain("\n");
    for (const [name, [, pattern]] of Object.entries(BAD)) {
      const hits = messages.filter((m) => pattern.test(m));
      expect(hits, `${name}: ${messages.join("\n")}`).toHaveLength(1);
    }
    expect(result.errors).toHaveLength(Object.keys(BAD).length);
    expect(messages.join("\n")).not.toMatch(/internal error|at .*\.ts:\d+/u);
  });

  it("good files still parse next to bad ones; an unknown front matter key is a warning with its line", () => {
    expect(result.reports.map((r) => r.slug).sort()).toEqual(["extra-keys", "good"]);
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^content\/reports\/extra-keys\.md:3: .*"colour"/u),
    ]);
  });
});

describe("size extremes", () => {
  it("a 20 MB report parses (no size limit, no quadratic step)", () => {
    const H = "发展经济建设推进改革开放创新驱动产业升级民生保障城乡融合生态文明数字政府财政收入投资消费就业";
    const parts = [
      "2023年上街区政府工作报告\n\n各位代表：现在，我代表区人民政府向大会报告工作，请予审议。\n",
    ];
    let size = 0;
    for (let i = 1; size < 20e6; i++) {
      const p =
        i % 50 === 0
          ? `\n${"一二三四五六七八九十"[(i / 50) % 10]}、${H.slice(i % 20, (i % 20) + 6)}第${i}项\n`
          : `\n第${i}项：全区${H.slice(i % 30, (i % 30) + 4)}完成${(i * 7.3).toFixed(1)}亿元，增长${(i % 13) + 0.5}%。${H.slice(i % 25, (i % 25) + 8)}持续推进。\n`;
      parts.push(p);
      size += Buffer.byteLength(p);
    }
    const { digest } = parseReport({ bytes: utf8(parts.join("")), path: "big.txt" });
    expect(digest.sections.length).toBeGreaterThan(1000);
    expect(digest.stats.length).toBeGreaterThan(100_000);
  });

  it("a report repeating one paragraph 100,000 times parses (copies become duplicate furniture)", () => {
    const para = "全区地区生产总值完成185.6亿元，增长4.2%。各项事业全面发展，人民生活持续改善。\n\n";
    const { digest } = parseReport({ bytes: utf8(GOOD_REPORT + para.repeat(100_000)), path: "copies.txt" });
    expect(digest.furniture.filter((f) => f.type === "duplicate").length).toBeGreaterThanOrEqual(99_999);
  });

  it("a 2 MB single line is cut into paragraphs without losing text", () => {
    const sentences: string[] = [];
    for (let i = 0, size = 0; size < 2e6; i++) {
      const s = `第${i}项投资完成${i}.5亿元，增长4.2%。`;
      sentences.push(s);
      size += Buffer.byteLength(s);
    }
    const line = `2023年上街区政府工作报告 各位代表：${sentences.join("")}`;
    const { digest } = parseReport({ bytes: utf8(line), path: "one-line.txt" });
    const blocks = digest.sections.flatMap((s) => s.blocks);
    expect(blocks.length).toBeGreaterThan(100);
    expect(blocks.map((b) => b.text).join("")).toContain(sentences.join(""));
  });
});
