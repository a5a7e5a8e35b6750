import { describe, expect, it } from "vitest";
import { type ClassifiedLine, classifyLines } from "./classify/index.ts";
import { repairBrokenParagraphs } from "./repair.ts";
import { segmentLines } from "./segment.ts";

const repair = (text: string) =>
  repairBrokenParagraphs(classifyLines(segmentLines(text).map((l) => l)).lines);
const texts = (text: string) => repair(text).units.map((u) => `${u.type}:${u.text}`);

describe("repairBrokenParagraphs", () => {
  it("joins a paragraph cut mid-sentence by blank lines (seed 000)", () => {
    expect(
      texts(
        [
          "一、工作回顾",
          "79个重点项目完成投资52.08亿元,13个",
          "",
          "专项债项目、28个中长期贷款项目通过审核,总投资170.5亿元。",
        ].join("\n"),
      ),
    ).toEqual([
      "heading:一、工作回顾",
      "paragraph:79个重点项目完成投资52.08亿元,13个专项债项目、28个中长期贷款项目通过审核,总投资170.5亿元。",
    ]);
  });

  it("joins across page numbers and continuation lines, which go to furniture", () => {
    const r = repair(
      [
        "一、工作回顾",
        "科技型企业、高新技术企业总量分别突破200",
        "",
        "— 3 —",
        "",
        "下转第2版",
        "",
        "家、100家,新增培育市级工程技术研究中心4家。",
      ].join("\n"),
    );
    expect(r.units.map((u) => u.text)).toEqual([
      "一、工作回顾",
      "科技型企业、高新技术企业总量分别突破200家、100家,新增培育市级工程技术研究中心4家。",
    ]);
    expect(r.furniture).toEqual([
      { type: "page-number", text: "— 3 —" },
      { type: "continuation", text: "下转第2版" },
    ]);
  });

  it("keeps paragraphs that end a sentence apart", () => {
    expect(
      texts(
        [
          "一、工作回顾",
          "开放平台加快建设。",
          "国际陆港上街区建设取得重大进展,海铁联运国际班列正式开行。",
          "创新生态持续优化。",
        ].join("\n"),
      ),
    ).toHaveLength(3);
  });

  it("a link fragment after a finished paragraph and the page footer is chrome; after a page break mid-sentence it is text (河北省 2023)", () => {
    const line = (kind: ClassifiedLine["kind"], text: string, glue = false): ClassifiedLine => ({
      kind,
      text,
      line: 1,
      ...(kind === "furniture" ? { furniture: "chrome" as const } : {}),
      ...(glue ? { glue } : {}),
    });
    const r = repairBrokenParagraphs([
      line("body", "为全面推进中华民族伟大复兴而努力奋斗！"),
      line("furniture", "冀ICP备06016263号-1"),
      line("body", "政府工作报告", true),
      line("body", "政府工作报告", true),
    ]);
    expect(r.units.map((u) => u.text)).toEqual(["为全面推进中华民族伟大复兴而努力奋斗！"]);
    expect(r.furniture.map((f) => f.text)).toEqual(["冀ICP备06016263号-1", "政府工作报告", "政府工作报告"]);
    const cut = repairBrokenParagraphs([
      line("body", "支持"),
      line("furniture", "3"),
      line("body", "人民政协", true),
      line("body", "履行政治协商、民主监督、参政议政职能。"),
    ]);
    expect(cut.units.map((u) => u.text)).toEqual(["支持人民政协履行政治协商、民主监督、参政议政职能。"]);
  });

  it("a lone short sentence leads the paragraph after it (province_2026 青海)", () => {
    const r = repair(
      [
        "一、工作回顾",
        "生态底色更加亮丽。",
        "始终坚持生态优先、绿色发展，以“国之大者”的政治自觉守护好生态。",
      ].join("\n"),
    );
    const p = r.units[1];
    expect(p).toMatchObject({ type: "paragraph", lead: "生态底色更加亮丽。".length });
    expect(p?.text).toBe("生态底色更加亮丽。始终坚持生态优先、绿色发展，以“国之大者”的政治自觉守护好生态。");
  });

  it("gathers 一是… and ——… runs into list blocks", () => {
    const r = repair(
      [
        "一、工作回顾",
        "一是联合港澳承办十五运会和残特奥会。认真落实办赛理念。",
        "二是推动全省经济运行稳中有进、稳中向好。地区生产总值增长3.9%。",
        "——这是追赶进位、综合实力快速跃升的五年。",
        "——这是扬优聚势、产业发展升级焕新的五年。",
      ].join("\n"),
    );
    expect(r.units.map((u) => u.type)).toEqual(["heading", "list", "list"]);
    expect(r.units[1]?.text.split("\n")).toHaveLength(2);
  });

  it("glues inline link fragments back into their sentence (hebei_baoding_webscrape)", () => {
    const r = repair(
      [
        "一、回顾",
        "市场体系建设进程加快，各类商品市场发展到4800多个，逐步走上",
        "",
        "法制",
        "",
        "化、规范化轨道。",
        "",
        "坚持依法行政，",
        "",
        "法制",
        "",
        "建设进一步加强。",
      ].join("\n"),
    );
    expect(r.units.map((u) => u.text)).toEqual([
      "一、回顾",
      "市场体系建设进程加快，各类商品市场发展到4800多个，逐步走上法制化、规范化轨道。",
      "坚持依法行政，法制建设进一步加强。",
    ]);
  });
});
