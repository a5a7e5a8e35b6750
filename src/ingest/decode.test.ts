import { describe, expect, it } from "vitest";
import { decodeBytes, firstInvalidUtf8 } from "./decode.ts";
import { ReportInputError } from "./errors.ts";

const text = "政府工作报告——2015年3月5日在第十二届全国人民代表大会第三次会议上";
const utf8 = new TextEncoder().encode(text);

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let k = 0;
  if (bom) {
    out[k++] = le ? 0xff : 0xfe;
    out[k++] = le ? 0xfe : 0xff;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[k++] = le ? c & 0xff : c >> 8;
    out[k++] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

// "政府工作报告——" in GB2312 bytes (0xA1AA is the em dash).
const GB = Uint8Array.from([
  0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6, 0xa1, 0xaa, 0xa1, 0xaa,
]);

describe("decodeBytes", () => {
  it("reads UTF-8, with and without a BOM", () => {
    expect(decodeBytes(utf8, "a.txt")).toEqual({ text, encoding: "utf-8" });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeBytes(bom, "a.txt")).toEqual({ text, encoding: "utf-8-bom" });
  });

  it("reads UTF-16 by BOM and, for ASCII-bearing text, without one", () => {
    expect(decodeBytes(utf16(text, true, true), "a.txt")).toEqual({ text, encoding: "utf-16le" });
    expect(decodeBytes(utf16(text, false, true), "a.txt")).toEqual({ text, encoding: "utf-16be" });
    const ascii = "Report 2015: GDP 7.4% 增长";
    expect(decodeBytes(utf16(ascii, true, false), "a.txt").encoding).toBe("utf-16le");
  });

  it("decodes GB2312/GBK bytes as GB18030 (0xA1AA is —)", () => {
    expect(decodeBytes(GB, "gbk.txt")).toEqual({ text: "政府工作报告——", encoding: "gb18030" });
  });

  it("rejects empty, binary and undecodable input with the file and offset", () => {
    expect(() => decodeBytes(new Uint8Array(), "e.txt")).toThrow(/e\.txt: empty file/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(() => decodeBytes(png, "p.txt")).toThrow(/binary/);
    const nul = Uint8Array.from([...utf8, 0, 1, 2, 3, 0, 0, 0]);
    expect(() => decodeBytes(nul, "n.txt")).toThrow(/NUL byte at offset/);
    const junk = Uint8Array.from([...utf8.slice(0, 6), 0xff, 0xfe, 0x80, 0x80, 0xff, 0x80]);
    try {
      decodeBytes(junk, "j.txt");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ReportInputError);
      expect(String(e)).toMatch(/^j\.txt: cannot decode: invalid UTF-8 byte 0xff at offset 6/);
    }
  });

  it("finds the first invalid UTF-8 byte", () => {
    expect(firstInvalidUtf8(utf8)).toBe(-1);
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xe6, 0x94]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xc0, 0x80]))).toBe(0);
  });
});

describe("decodeBytes without a byte-order mark", () => {
  const report =
    "各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n全区地区生产总值增长5.2%。\n";

  it("reads UTF-16 LE and BE whose only ASCII is line breaks and figures", () => {
    expect(decodeBytes(utf16(report, true, false), "le.txt")).toEqual({ text: report, encoding: "utf-16le" });
    expect(decodeBytes(utf16(report, false, false), "be.txt")).toEqual({
      text: report,
      encoding: "utf-16be",
    });
  });

  it("reads UTF-16 holding no ASCII at all", () => {
    const pure = "现在我代表区人民政府向大会报告工作请予审议过去一年全区经济社会发展取得新成效";
    expect(decodeBytes(utf16(pure, true, false), "pure.txt")).toEqual({ text: pure, encoding: "utf-16le" });
  });

  it("reads mostly-ASCII GB18030 whose bytes happen to be valid UTF-8", () => {
    // 实施 (CA B5 CA A9) and 营业 (D3 AA D2 B5): GB18030 pairs with a lead of C2–DF and a trail
    // of 80–BF, which UTF-8 reads as two-byte Latin, Greek or Arabic letters.
    const gb = Uint8Array.from([
      ...new TextEncoder().encode("GDP 2023: "),
      0xca,
      0xb5,
      0xca,
      0xa9,
      0x20,
      0xd3,
      0xaa,
      0xd2,
      0xb5,
      0x0a,
    ]);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(gb)).not.toMatch(/[\u4e00-\u9fff]/u);
    expect(decodeBytes(gb, "gb.txt")).toEqual({ text: "GDP 2023: 实施 营业\n", encoding: "gb18030" });
  });

  it("keeps valid UTF-8 without Chinese as UTF-8 when GB18030 reads no better", () => {
    const latin = new TextEncoder().encode("Café São Paulo — résumé\n");
    expect(decodeBytes(latin, "latin.txt").encoding).toBe("utf-8");
  });

  it("still calls a file with stray NUL bytes binary, with the offset", () => {
    const nul = Uint8Array.from([...new TextEncoder().encode(report), 0, 0, 1, 2, 0, 0, 0, 3]);
    expect(() => decodeBytes(nul, "n.txt")).toThrow(/n\.txt: binary data \(NUL byte at offset \d+\)/);
  });
});
