import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { ReportInputError } from "./errors.ts";
import { parseReport } from "./index.ts";
import { fillFromNewsLead } from "./metadata.ts";
import { BUNDLED, countCjk, digestCjk, listFiles, parseText } from "./testing.ts";
import type { ReportMeta } from "./types.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const parse = (s: string, path = "r.txt") => parseReport({ bytes: enc(s), path });

const REPORT = [
  "---",
  "region: 上街区",
  "year: 2023",
  "---",
  "政 府 工 作 报 告",
  "——2023年2月20日在上街区第十六届人民代表大会第二次会议上",
  "区长 杜联合",
  "各位代表：",
  "一、2022年工作回顾",
  "全区地区生产总值完成165.5亿元，增长4.5%；一般公共预算收入达到15亿元。",
  "",
  "— 3 —",
  "",
  "（一）全力以赴稳增长，经济运行回升向好。",
  "新增城镇就业2835人，完成各类技能培训10723人次，登记失业率控制在2%以",
  "",
  "内。",
].join("\n");

describe("parseReport", () => {
  it("builds the digest: title, meta, sections, blocks, stats, furniture", () => {
    const { digest: d, warnings } = parse(REPORT, "content/reports/上街区-2023.txt");
    expect(warnings).toEqual([]);
    expect(d.slug).toBe("shang-jie-qu-2023");
    // The source says only "政府工作报告": the title names region and year.
    expect(d.title).toBe("上街区2023年政府工作报告");
    expect(d.meta).toMatchObject({
      encoding: "utf-8",
      region: "上街区",
      year: 2023,
      date: "2023-02-20",
      kind: "政府工作报告",
      speaker: "杜联合",
      meeting: "上街区第十六届人民代表大会第二次会议",
    });
    expect(d.sections.map((s) => [s.id, s.heading, s.level])).toEqual([
      ["qianyan", null, 1],
      ["2022-nian-gong-zuo-hui-gu", "一、2022年工作回顾", 1],
      ["quan-li-yi-fu-wen-zeng-zhang", "（一）全力以赴稳增长，经济运行回升向好。", 2],
    ]);
    expect(d.sections[2]?.blocks[0]?.text).toBe(
      "新增城镇就业2835人，完成各类技能培训10723人次，登记失业率控制在2%以内。",
    );
    expect(d.furniture).toEqual([
      { type: "dateline", text: "——2023年2月20日在上街区第十六届人民代表大会第二次会议上" },
      { type: "byline", text: "区长 杜联合" },
      { type: "page-number", text: "— 3 —" },
    ]);
    expect(d.stats.map((s) => [s.text, s.value, s.unit])).toEqual([
      ["165.5亿元", 16550000000, "元"],
      ["4.5%", 4.5, "%"],
      ["15亿元", 1500000000, "元"],
      ["2835人", 2835, "人"],
      ["10723人次", 10723, "人次"],
      ["2%", 2, "%"],
    ]);
    const blocks = new Map(d.sections.flatMap((s) => s.blocks).map((b) => [b.id, b.text]));
    for (const s of d.stats)
      expect(blocks.get(s.blockId)?.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it("front matter and explicit overrides win over detection", () => {
    const fm = `---\ntitle: 上街区2023年政府工作报告\nkind: 报告摘要\n---\n${REPORT.split("---\n")[2]}`;
    const { digest } = parseReport({
      bytes: enc(fm),
      path: "a.txt",
      frontMatterOverrides: { region: "郑州市上街区" },
    });
    expect(digest.title).toBe("上街区2023年政府工作报告");
    expect(digest.meta).toMatchObject({ kind: "报告摘要", region: "郑州市上街区" });
  });

  it("reads the occasion from a newspaper lead (seed 003)", () => {
    const meta: ReportMeta = { encoding: "utf-8", year: 2023 };
    fillFromNewsLead(
      meta,
      "2月27日,在二七区第十七届人民代表大会第三次会议上,区长虎荣鑫向大会作政府工作报告。",
    );
    expect(meta).toMatchObject({
      kind: "政府工作报告",
      date: "2023-02-27",
      meeting: "二七区第十七届人民代表大会第三次会议",
      speaker: "虎荣鑫",
    });
  });

  it("re-parsing is byte-identical", () => {
    expect(JSON.stringify(parse(REPORT).digest)).toBe(JSON.stringify(parse(REPORT).digest));
  });

  it.each([
    ["", /r\.txt: empty file/],
    [" \n\u3000\n\t", /r\.txt: file holds only white space/],
    ["---\ntitle: 报告\n正文", /r\.txt:1: front matter .*never closed/],
    ["下载\n打印\n【字号：大 中 小】\n3\n", /r\.txt:1: no report text found/],
    ["---", /r\.txt:1: no report text found/],
  ])("rejects bad input %#", (text, message) => {
    expect(() => parse(text)).toThrow(ReportInputError);
    expect(() => parse(text)).toThrow(message);
  });

  it("rejects binary data and undecodable bytes with an offset", () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(() => parseReport({ bytes: png, path: "img.txt" })).toThrow(/img\.txt: binary/);
    const bad = Uint8Array.from([...enc("各位代表："), 0xff, 0xff, 0xff, 0x80, 0x81]);
    expect(() => parseReport({ bytes: bad, path: "bad.txt" })).toThrow(
      /bad\.txt: cannot decode: .*offset 15/,
    );
  });

  it("a GB18030 copy gives the same digest as the UTF-8 text", () => {
    // GB2312 bytes of "一、工作回顾\n全区地区生产总值完成785.6亿元。"
    const gbText = "一、工作回顾\n全区地区生产总值完成785.6亿元。";
    const gb = Uint8Array.from([
      0xd2, 0xbb, 0xa1, 0xa2, 0xb9, 0xa4, 0xd7, 0xf7, 0xbb, 0xd8, 0xb9, 0xcb, 0x0a, 0xc8, 0xab, 0xc7, 0xf8,
      0xb5, 0xd8, 0xc7, 0xf8, 0xc9, 0xfa, 0xb2, 0xfa, 0xd7, 0xdc, 0xd6, 0xb5, 0xcd, 0xea, 0xb3, 0xc9, 0x37,
      0x38, 0x35, 0x2e, 0x36, 0xd2, 0xda, 0xd4, 0xaa, 0xa1, 0xa3,
    ]);
    const a = parseReport({ bytes: gb, path: "x/2010.txt" }).digest;
    const b = parse(gbText, "y/2010.txt").digest;
    expect(a.meta.encoding).toBe("gb18030");
    expect({ ...a, meta: { ...a.meta, encoding: "" } }).toEqual({ ...b, meta: { ...b.meta, encoding: "" } });
  });
});

describe("large and adversarial input stays linear", () => {
  it("a 2 MB single line and pathological runs parse in seconds", () => {
    // Distinct paragraphs: a repeated one is a scraper's copy and leaves the body.
    const para = (i: number) =>
      `第${i}项：地区生产总值完成785.6亿元，增长7%，新增城镇就业2835人，完成技能培训10723人次 `;
    const big = Array.from({ length: Math.ceil(2_000_000 / para(0).length) }, (_, i) => para(i)).join("");
    let t = performance.now();
    const d = parse(big).digest;
    expect(d.stats.length).toBeGreaterThan(1000);
    expect(performance.now() - t).toBeLessThan(15_000);
    const adversarial = `${"，".repeat(200_000)}${"1".repeat(200_000)}亿元${"?".repeat(50_000)}${"&amp;".repeat(50_000)}${"<a ".repeat(50_000)}。`;
    t = performance.now();
    parse(adversarial);
    expect(performance.now() - t).toBeLessThan(15_000);
  });
});

describe("bundled reports", () => {
  it.each(listFiles(BUNDLED).map((f) => [basename(f), f]))("%s keeps every CJK character", (_n, f) => {
    const raw = readFileSync(f as string, "utf8");
    const d = parseText(raw, f as string);
    const out = digestCjk(d);
    for (const [c, n] of countCjk(raw)) expect(out.get(c) ?? 0, c).toBeGreaterThanOrEqual(n);
  });
});
