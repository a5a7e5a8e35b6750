import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPhraseMatcher, createTermMatcher, type GlossaryEntry, loadGlossary } from "./glossary.ts";
import synonyms from "./lexicon/synonyms.json" with { type: "json" };

const glossaryText = readFileSync(new URL("../../content/glossary.yml", import.meta.url), "utf8");

const REQUIRED = [
  "专精特新",
  "三个一批",
  "万人助万企",
  "放管服",
  "四上企业",
  "规上工业",
  "双减",
  "三区三线",
  "河长制",
  "枫桥经验",
  "乙类乙管",
  "亩均税收",
  "个转企",
  "小升规",
  "六稳六保",
  "营商环境",
  "一网通办",
  "最多跑一次",
  "乡村振兴",
  "高标准农田",
  "双碳",
  "专项债",
  "保交楼",
  "新基建",
  "专精特新“小巨人”",
  "链长制",
  "五险一金",
  "三农",
  "两不愁三保障",
  "一带一路",
  "双循环",
  "新型城镇化",
  "城市更新",
  "海绵城市",
  "新质生产力",
  "揭榜挂帅",
  "首台套",
];

describe("content/glossary.yml", () => {
  const entries = loadGlossary(glossaryText);

  it("holds at least 100 validated entries including the required terms", () => {
    expect(entries.length).toBeGreaterThanOrEqual(100);
    const terms = new Set(entries.map((e) => e.term));
    for (const term of REQUIRED) expect(terms, term).toContain(term);
  });

  it("explains every term in one or two sentences of Chinese", () => {
    for (const e of entries) {
      expect(e.explain, e.term).toMatch(/[\u4e00-\u9fff]/);
      const sentences = e.explain.split("。").filter((s) => s.trim().length > 0);
      expect(sentences.length, e.term).toBeLessThanOrEqual(2);
    }
  });

  it("finds every term in its own explanation-free form (each surface matches itself)", () => {
    const match = createTermMatcher(entries);
    for (const e of entries) {
      const quoted = new Set(e.quoted ?? []);
      for (const surface of [e.term, ...(e.aliases ?? []), ...quoted]) {
        const text = quoted.has(surface) ? `“${surface}”` : surface;
        const hits = match(text);
        expect(
          hits.map((h) => h.term),
          surface,
        ).toEqual([e.term]);
      }
    }
  });
});

describe("loadGlossary", () => {
  it("accepts a bare list or a `terms:` mapping", () => {
    const list = loadGlossary("- term: 双减\n  explain: 减轻学生作业负担和校外培训负担。\n");
    const mapped = loadGlossary("terms:\n  - term: 双减\n    explain: 减轻学生作业负担和校外培训负担。\n");
    expect(list).toEqual(mapped);
    expect(list[0]?.term).toBe("双减");
  });

  it("names the entry when a field is missing or wrong", () => {
    expect(() =>
      loadGlossary("- term: 双减\n- term: 放管服\n  explain: 简政放权、放管结合、优化服务。\n"),
    ).toThrow(/#1 "双减".*explain/);
    expect(() =>
      loadGlossary("- term: 放管服\n  explain: 简政放权、放管结合、优化服务。\n  aliases: 放管服改革\n"),
    ).toThrow(/"放管服".*aliases/);
    expect(() =>
      loadGlossary("- term: 放管服\n  explain: 简政放权、放管结合、优化服务。\n  color: red\n"),
    ).toThrow(/"放管服"/);
  });

  it("rejects duplicate terms and aliases, naming both", () => {
    const dupTerm =
      "- term: 双减\n  explain: 减轻学生作业负担。。\n- term: 双减\n  explain: 减轻校外培训负担。。\n";
    expect(() => loadGlossary(dupTerm)).toThrow(/#2 "双减".*"双减" is already used by "双减"|listed twice/);
    const dupAlias =
      "- term: 规上工业\n  aliases: [规模以上工业]\n  explain: 年主营业务收入2000万元及以上。\n" +
      "- term: 规上\n  aliases: [规模以上工业]\n  explain: 达到统计规模标准的企业。\n";
    expect(() => loadGlossary(dupAlias)).toThrow(/"规上".*"规模以上工业" is already used by "规上工业"/);
    const selfAlias = "- term: 双减\n  aliases: [双减]\n  explain: 减轻学生作业负担。。\n";
    expect(() => loadGlossary(selfAlias)).toThrow(/listed twice/);
  });

  it("rejects malformed YAML and non-lists with a clear message", () => {
    expect(() => loadGlossary("- term: [unclosed\n")).toThrow(/glossary: invalid YAML/);
    expect(() => loadGlossary("term: 双减\n")).toThrow(/expected a list/);
  });

  it("rejects an avoid string that does not contain the term", () => {
    const bad = "- term: 三资\n  quoted: [三资]\n  avoid: [外资企业]\n  explain: 资金、资产、资源的合称。\n";
    expect(() => loadGlossary(bad)).toThrow(/avoid "外资企业" does not contain/);
  });
});

describe("createTermMatcher", () => {
  const entries: GlossaryEntry[] = loadGlossary(glossaryText);
  const match = createTermMatcher(entries);
  const terms = (text: string) => match(text).map((h) => h.term);

  it("reports offsets, canonical term and surface", () => {
    const text = "统计上规模以上工业增加值增长8.9%";
    const [hit] = match(text);
    expect(hit).toEqual({ start: 3, end: 9, term: "规上工业", surface: "规模以上工业" });
    expect(text.slice(hit?.start, hit?.end)).toBe(hit?.surface);
  });

  it("prefers the longest term at the leftmost position", () => {
    expect(terms("新增国家级专精特新“小巨人”企业5家，专精特新企业20家")).toEqual([
      "专精特新“小巨人”",
      "专精特新",
    ]);
    expect(terms("两不愁三保障全面实现")).toEqual(["两不愁三保障"]);
    expect(terms("深入开展“万人助万企”“三个一批”等活动")).toEqual(["万人助万企", "三个一批"]);
    expect(terms("落实“六稳”“六保”任务")).toEqual(["六稳六保"]);
  });

  it("never matches inside a longer different term", () => {
    // 三保 is inside 两不愁三保障 (and 三保障); 紧日子 inside 过紧日子.
    expect(terms("巩固“两不愁三保障”成果，兜牢基层“三保”底线")).toEqual(["两不愁三保障", "三保"]);
    expect(terms("党政机关坚持过紧日子")).toEqual(["过紧日子"]);
    const hits = match("党政机关坚持过紧日子");
    expect(hits[0]?.surface).toBe("过紧日子");
  });

  it("matches short ambiguous jargon only inside quotation marks", () => {
    expect(terms("用好“两新”政策，争取“两重”项目")).toEqual(["两新", "两重"]);
    expect(terms("两新材料企业，两重性")).toEqual([]);
    expect(terms("推进国有“三资”管理改革")).toEqual(["三资"]);
    expect(terms("新增注册三资企业2930家")).toEqual([]);
    expect(terms("当地土特产销售旺盛")).toEqual([]);
    expect(terms("做好“土特产”文章")).toEqual(["土特产"]);
  });

  it("keeps ASCII terms to whole words", () => {
    expect(terms("RCEP生效，GDP增长")).toEqual(["RCEP", "地区生产总值"]);
    expect(terms("XRCEPX")).toEqual([]);
  });

  it("handles an avoid list", () => {
    const custom = loadGlossary(
      "- term: 两山\n  avoid: [两山夹一川]\n  explain: 绿水青山就是金山银山理念的简称。\n" +
        "- term: 一川\n  explain: 测试用的词条，不是真实的政策术语。\n",
    );
    const m = createTermMatcher(custom);
    expect(m("两山夹一川，践行两山理念").map((h) => [h.term, h.start])).toEqual([["两山", 8]]);
  });

  it("matches a 10k-character paragraph in well under two milliseconds", () => {
    const chunk =
      "坚决落实国家和省市稳经济一揽子政策及接续措施，深入开展“万人助万企”“三个一批”等活动，" +
      "新增专精特新中小企业12家，规上工业增加值增长6.2%，优化营商环境，推进一网通办，高标准农田建设1.2万亩。";
    const text = chunk.repeat(Math.ceil(10_000 / chunk.length)).slice(0, 10_000);
    match(text); // warm up
    // Best of several runs: the bound is about the algorithm, not about a busy CI machine.
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      match(text);
      best = Math.min(best, performance.now() - t0);
    }
    expect(best).toBeLessThan(1);
    expect(match(text).length).toBeGreaterThan(300);
  });
});

describe("createPhraseMatcher", () => {
  it("is leftmost-longest and non-overlapping", () => {
    const m = createPhraseMatcher([
      { surface: "乡村", value: "a" },
      { surface: "乡村振兴", value: "b" },
      { surface: "振兴", value: "c" },
    ]);
    expect(m("全面推进乡村振兴，乡村美").map((h) => h.value)).toEqual(["b", "a"]);
  });

  it("rejects duplicate surfaces", () => {
    expect(() =>
      createPhraseMatcher([
        { surface: "乡村", value: 1 },
        { surface: "乡村", value: 2 },
      ]),
    ).toThrow(/duplicate phrase "乡村"/);
  });
});

describe("lexicon/synonyms.json", () => {
  it("holds at least 30 groups of two or more distinct words, each word in one group only", () => {
    expect(synonyms.groups.length).toBeGreaterThanOrEqual(30);
    const seen = new Set<string>();
    for (const group of synonyms.groups) {
      expect(group.length, group.join("/")).toBeGreaterThanOrEqual(2);
      for (const word of group) {
        expect(word).toBe(word.trim());
        expect(seen.has(word), word).toBe(false);
        seen.add(word);
      }
    }
    for (const word of ["GDP", "规上", "社零", "固投", "专精特新", "双碳"]) expect(seen).toContain(word);
  });
});
