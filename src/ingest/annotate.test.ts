import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { annotateSections, topicByName, topics } from "./annotate.ts";
import topicsLexicon from "./lexicon/topics.json" with { type: "json" };
import type { Section, Stat } from "./types.ts";

let blockSeq = 0;
const section = (heading: string | null, texts: string[], level: 1 | 2 | 3 = 2): Section => ({
  id: `s-${heading ?? "lead"}`,
  heading,
  level,
  blocks: texts.map((text) => ({ id: `b${++blockSeq}`, type: "paragraph", text })),
});

const stat = (blockId: string, over: Partial<Stat> = {}): Stat => ({
  id: `st-${blockId}-${over.start ?? 0}`,
  text: "350亿元",
  value: 35_000_000_000,
  unit: "元",
  label: null,
  kind: "amount",
  blockId,
  start: 0,
  ...over,
});

// Real snippets from the seed reports (二七区2023年政府工作报告, 上街区2023年目标任务).
const REVIEW_ECONOMY =
  "“三个一批”项目综合评价全市第一，项目开工率、投产率、达效率均达100%。统筹推进370个重大项目，完成投资287.3亿元；" +
  "40个省市重点项目完成101.9%。新签约特飞科技中原区总部基地等20个项目，签约额450.7亿元。";
const PLAN_ECONOMY =
  "坚持抓项目扩投资。滚动实施“三个一批”项目建设，扎实推进总投资2380亿元的360个重大项目，力争完成年度投资350亿元以上。" +
  "大力促进消费增长。落实好省市系列节日期间消费券返还等优惠政策，充分释放消费需求。";
const PLAN_OPENING =
  "主动融入和服务“双循环”新发展格局，坚定不移走好“枢纽+开放”路子，推进高水平对外开放。一是全力加快国际陆港上街片区建设。" +
  "尽快启动海关监管作业场所建设，确保国际班列常态化开行100列以上并逐年增加。";
const REVIEW_LIVELIHOOD =
  "民生支出占一般公共预算支出的78.6%。城镇新增就业1.2万人，发放创业担保贷款1.5亿元。新建改扩建中小学、幼儿园6所，" +
  "新增学位5400个。城乡居民基本养老保险参保率达到98%，荣获全省养老服务示范区。";

describe("lexicons", () => {
  it("has the required topics with unique ASCII ids", () => {
    const names = topics.map((t) => t.name);
    for (const name of [
      "经济发展",
      "产业",
      "科技创新",
      "改革开放",
      "城市建设",
      "乡村振兴",
      "生态环境",
      "民生社会",
      "教育文化",
      "安全稳定",
      "党建治理",
    ]) {
      expect(names).toContain(name);
    }
    expect(topics.length).toBeLessThanOrEqual(14);
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    for (const t of topics) expect(t.id).toMatch(/^[a-z0-9-]+$/);
    expect(topicByName("产业")?.id).toBe("chanye");
  });

  it("lists each keyword at most once per topic", () => {
    for (const t of topicsLexicon.topics) {
      const words = t.keywords.map((k) => k.word);
      expect(new Set(words).size, t.id).toBe(words.length);
    }
  });
});

describe("annotateSections: topics", () => {
  it("tags sections from heading and body, best first, at most three", () => {
    const [economy, opening, livelihood] = annotateSections(
      [
        section("全力稳住经济大盘", [REVIEW_ECONOMY]),
        section("坚持建强载体平台 全面扩大现代化建设开放优势", [PLAN_OPENING]),
        section("全力保障和改善民生", [REVIEW_LIVELIHOOD]),
      ],
      [],
    );
    expect(economy?.topics?.[0]).toBe("经济发展");
    expect(opening?.topics?.[0]).toBe("改革开放");
    expect(livelihood?.topics?.[0]).toBe("民生社会");
    for (const s of [economy, opening, livelihood]) expect(s?.topics?.length).toBeLessThanOrEqual(3);
  });

  it("weights the heading above the body", () => {
    const [s] = annotateSections([section("推动绿色低碳发展", ["持续推进项目建设。"])], []);
    expect(s?.topics?.[0]).toBe("生态环境");
  });

  it("gives no topics for weak noise", () => {
    const [byline, chrome, lead] = annotateSections(
      [
        section("记者 谢鹏飞 整理", []),
        section("本版图片由上街区委宣传部提供", []),
        section(null, ["各位代表：现在，我代表区人民政府，向大会报告工作，请予审议。"], 1),
      ],
      [],
    );
    expect(byline?.topics).toEqual([]);
    expect(chrome?.topics).toEqual([]);
    expect(lead?.topics).toEqual([]);
  });

  it("does not read 平稳健康发展 as health", () => {
    const [s] = annotateSections([section("2022 稳中求进 难中求成 经济社会保持平稳健康发展", [])], []);
    expect(s?.topics).not.toContain("医疗卫生");
  });
});

describe("annotateSections: mode", () => {
  it("reads results as review and goals as plan", () => {
    const [review, plan] = annotateSections(
      [section("全力稳住经济大盘", [REVIEW_ECONOMY]), section("着力稳定经济运行", [PLAN_ECONOMY])],
      [],
    );
    expect(review?.mode).toBe("review");
    expect(plan?.mode).toBe("plan");
  });

  it("counts target stats toward plan", () => {
    const neutral = section("项目建设", ["重大项目投资350亿元，新开工项目60个。"]);
    const id = neutral.blocks[0]?.id ?? "";
    const asResults = annotateSections([neutral], [stat(id), stat(id, { start: 12, text: "60个" })]);
    const asTargets = annotateSections(
      [neutral],
      [stat(id, { kind: "target" }), stat(id, { start: 12, text: "60个", target: true })],
    );
    expect(asResults[0]?.mode).toBe("review");
    expect(asTargets[0]?.mode).toBe("plan");
  });

  it("lets sub-sections lean on their parent and the heading years", () => {
    const out = annotateSections(
      [
        section("2022年经济社会发展取得新的成效", [], 1),
        section("加速释放改革创新动能", ["深化国资国企改革，完成区属国有企业整合重组。"]),
        section("2023年，重点抓好六个方面工作", [], 1),
        section("深入推进改革创新", ["深化国资国企改革，推进区属国有企业整合重组。"]),
      ],
      [],
    );
    expect(out.map((s) => s.mode)).toEqual(["review", "review", "plan", "plan"]);
  });

  it("uses the report year when given", () => {
    const [s] = annotateSections([section("2023年工作", [], 1)], [], { year: 2023 });
    const [t] = annotateSections([section("2023年工作", [], 1)], [], { year: 2024 });
    expect(s?.mode).toBe("plan");
    expect(t?.mode).toBe("review");
  });

  it("leaves mode unset without any evidence", () => {
    const [s] = annotateSections([section("附件", ["名词解释见文末。"])], []);
    expect(s?.mode).toBeUndefined();
    expect("mode" in (s ?? {})).toBe(false);
  });

  it("is pure and deterministic", () => {
    const input = [
      section("全力稳住经济大盘", [REVIEW_ECONOMY]),
      section("着力稳定经济运行", [PLAN_ECONOMY]),
    ];
    const copy = structuredClone(input);
    const a = annotateSections(input, []);
    const b = annotateSections(input, []);
    expect(a).toEqual(b);
    expect(input).toEqual(copy);
    expect(a[0]?.blocks).toEqual(input[0]?.blocks);
  });
});

// The seeds, cut into sections by a naive line rule so this check does not depend on the parser:
// short lines without sentence punctuation are headings.
function rawSections(source: string): Section[] {
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, "");
  const out: Section[] = [section(null, [], 1)];
  for (const line of body.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    if (line.length <= 32 && !/[。；;：:]/.test(line) && !/[，,]$/.test(line)) {
      out.push(section(line, [], /^\d{4}|工作|任务/.test(line) ? 1 : 2));
    } else {
      out.at(-1)?.blocks.push({ id: `b${++blockSeq}`, type: "paragraph", text: line });
    }
  }
  return out;
}

const seed = (name: string) =>
  annotateSections(
    rawSections(readFileSync(new URL(`../../content/reports/${name}`, import.meta.url), "utf8")),
    [],
  );
const withBody = (sections: Section[]) => sections.filter((s) => s.heading && s.blocks.length > 0);
const share = (sections: Section[], mode: string) =>
  sections.filter((s) => s.mode === mode).length / Math.max(1, sections.length);

describe("the five seeds", () => {
  const names = [
    "erqiqu-2023-zhengfu-gongzuo-baogao.txt",
    "shangjiequ-2022-huigu.txt",
    "shangjiequ-2023-mubiao-renwu.txt",
    "shangjiequ-xiaoerjing-xiaoermei.txt",
    "zhongyuanqu-2022-jingji-gongzuo-huiyi.txt",
  ];

  it("tag every section with at most three known topics, and most body sections with one", () => {
    const known = new Set(topics.map((t) => t.name));
    for (const name of names) {
      const sections = seed(name);
      for (const s of sections) {
        expect(s.topics?.length ?? 0).toBeLessThanOrEqual(3);
        for (const t of s.topics ?? []) expect(known).toContain(t);
      }
      const bodied = withBody(sections);
      const tagged = bodied.filter((s) => (s.topics?.length ?? 0) > 0).length;
      expect(tagged / bodied.length, name).toBeGreaterThanOrEqual(0.8);
    }
  });

  it("split the 二七区 report into a reviewed 2022 and a planned 2023", () => {
    const sections = seed("erqiqu-2023-zhengfu-gongzuo-baogao.txt");
    const planStart = sections.findIndex((s) => s.heading?.startsWith("2023年"));
    const stabilise = sections.findIndex((s) => s.heading === "着力稳定经济运行");
    expect(planStart).toBeGreaterThan(0);
    expect(share(withBody(sections.slice(0, stabilise)), "review")).toBeGreaterThanOrEqual(0.8);
    expect(share(withBody(sections.slice(stabilise)), "plan")).toBe(1);
    const byHeading = new Map(sections.map((s) => [s.heading, s]));
    expect(byHeading.get("构建现代产业体系")?.topics?.[0]).toBe("产业");
    expect(byHeading.get("不断提升政府治理效能")?.topics?.[0]).toBe("党建治理");
    expect(byHeading.get("统筹发展与安全")?.topics?.[0]).toBe("安全稳定");
  });

  it("read the reviews as review and the target report as plan", () => {
    expect(share(withBody(seed("shangjiequ-2022-huigu.txt")), "review")).toBeGreaterThanOrEqual(0.8);
    expect(
      share(withBody(seed("zhongyuanqu-2022-jingji-gongzuo-huiyi.txt")), "review"),
    ).toBeGreaterThanOrEqual(0.8);
    expect(share(withBody(seed("shangjiequ-2023-mubiao-renwu.txt")), "plan")).toBe(1);
  });
});
