import { describe, expect, it } from "vitest";
import { type ClassifiedDoc, classifyLines, matchFurniture } from "./classify/index.ts";
import { parseChineseDate } from "./dates.ts";
import { segmentLines } from "./segment.ts";

// Short excerpts of real reports (../shared/corpus and the seeds), a few lines each.
const classify = (text: string): ClassifiedDoc => classifyLines(segmentLines(text));
const headings = (d: ClassifiedDoc) =>
  d.lines.filter((l) => l.kind === "heading").map((l) => [l.level, l.heading ?? l.text] as const);
const furniture = (d: ClassifiedDoc) =>
  d.lines.filter((l) => l.kind === "furniture").map((l) => [l.furniture, l.text] as const);
const BODY = "过去一年，面对复杂严峻的外部环境，全市上下稳中求进，经济运行总体平稳，发展质量稳步提升。";

describe("heading schemes", () => {
  it("一、 / （一） / 1. nest as levels 1, 2, 3", () => {
    const d = classify(
      [
        "各位代表：",
        "一、2025年工作回顾",
        BODY,
        "（一）全力促进经济平稳健康发展",
        BODY,
        "1.扩大有效投资",
        BODY,
        "二、2026年主要任务",
        BODY,
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "一、2025年工作回顾"],
      [2, "（一）全力促进经济平稳健康发展"],
      [3, "1.扩大有效投资"],
      [1, "二、2026年主要任务"],
    ]);
  });

  it("Markdown headings keep their level", () => {
    const d = classify(
      ["# 2023年政府工作报告", "", "## 一、工作回顾", "", BODY, "", "### 经济运行", "", BODY].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "一、工作回顾"],
      [2, "经济运行"],
    ]);
  });

  it("第一部分 / 第一章 / 第一条 and half-width (一)", () => {
    const d = classify(["第一部分 总体要求", BODY, "(一)指导思想", BODY, "第一条 指导思想", BODY].join("\n"));
    expect(headings(d).map((h) => h[0])).toEqual([1, 2, 3]);
    expect(headings(classify(["第一章 总则", BODY].join("\n")))).toEqual([[1, "第一章 总则"]]);
  });

  it("a docx heading ending in 。 alone on its line is a heading; so is a run-in sub-title, which keeps its paragraph", () => {
    const d = classify(
      [
        "一、2023年工作回顾",
        "（一）全力以赴稳增长，经济运行回升向好。",
        BODY,
        "（二）经济实力迈上新台阶。2016年，全区地区生产总值完成785.6亿元，增长7%。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "一、2023年工作回顾"],
      [2, "（一）全力以赴稳增长，经济运行回升向好。"],
      [2, "（二）经济实力迈上新台阶"],
    ]);
    const runOn = d.lines.find((l) => l.text.startsWith("（二）"));
    expect(runOn?.runIn).toBe(true);
    expect(runOn?.text).toBe("（二）经济实力迈上新台阶。2016年，全区地区生产总值完成785.6亿元，增长7%。");
    expect(runOn?.lead).toBe("（二）经济实力迈上新台阶。".length);
  });

  it("run-in titles: two clauses up to 48 characters listing with 、, and a project named with 、 (容城 2015, 清苑 2008)", () => {
    const d = classify(
      [
        "二、2014年工作回顾",
        "（三）扎实开展造林绿化暨创园、城市管理“6S”、农村面貌改造提升三项行动，城乡环境明显改善。在全市率先完成重要交通干线的绿道建设。",
        "（四）坚持实施区域协调发展和新型城镇化战略，着力推动平衡发展，新的增长极增长带加快成长。东中西部发展更加协调。",
        "1、县城小学、幼儿园建设工程。完成清苑一小、二小校舍扩建，新建一所幼儿园。",
        "3.[城市“双修”]即生态修复、城市修补。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "二、2014年工作回顾"],
      [2, "（三）扎实开展造林绿化暨创园、城市管理“6S”、农村面貌改造提升三项行动，城乡环境明显改善"],
      [3, "1、县城小学、幼儿园建设工程"],
    ]);
  });

  it("第一，… alone on its line is a sub-title; opening a paragraph it stays body (河北省 2004)", () => {
    const d = classify(
      [
        "一、2004年的主要任务",
        "第一，牢记第一要务，凝神聚力抓发展",
        BODY,
        "第二，我们要坚持扩大内需。全年固定资产投资增长15%，社会消费品零售总额增长12%。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "一、2004年的主要任务"],
      [2, "第一，牢记第一要务，凝神聚力抓发展"],
    ]);
    expect(d.lines.find((l) => l.text.startsWith("第二"))?.kind).toBe("body");
  });

  it("一是… runs stay body with a bold lead", () => {
    const d = classify(
      ["一、工作回顾", "一是全力加快国际陆港建设。尽快启动海关监管作业场所建设，完善多式联运基础设施。"].join(
        "\n",
      ),
    );
    const l = d.lines.find((x) => x.text.startsWith("一是"));
    expect(l?.kind).toBe("body");
    expect(l?.item).toBe("ordinal");
    expect(l?.lead).toBe("一是全力加快国际陆港建设。".length);
  });

  it("unnumbered newspaper headlines between paragraphs (seed 000)", () => {
    const d = classify(
      [
        "2022 稳中求进 难中求成 经济社会保持平稳健康发展",
        "",
        "聚焦助企业强实体 经济运行平稳有序",
        "",
        "坚决落实国家和省市稳经济一揽子政策及接续措施,统筹抓好双线融合,减税降费3.44亿元;79个重点项目完成投资52.08亿元,13个",
        "",
        "专项债项目、28个中长期贷款项目通过审核,总投资170.5亿元。",
        "",
        "记者 谢鹏飞 整理",
        "",
        "聚焦兴产业优结构 转型发展提速升级",
        "",
        "制造业竞争力不断增强。全区规模以上工业企业亩均税收达到13.9万元,增长29%。",
      ].join("\n"),
    );
    expect(d.title).toBe("2022 稳中求进 难中求成 经济社会保持平稳健康发展");
    expect(headings(d)).toEqual([
      [1, "聚焦助企业强实体 经济运行平稳有序"],
      [1, "聚焦兴产业优结构 转型发展提速升级"],
    ]);
    expect(furniture(d)).toEqual([["byline", "记者 谢鹏飞 整理"]]);
  });

  it("a headline broken over two lines, and one after a lone ordinal line (seed 003)", () => {
    const d = classify(
      [
        "2022年经济社会发展取得新的成效",
        "",
        "全区地区生产总值完成785.6亿元,总量市内六区第二,增速市内六区第三。",
        "",
        "全力稳住经济大盘",
        "",
        "统筹推进370个重大项目,完成投资287.3亿元;40个省市重点项目完成101.9%。",
        "",
        "2023年,重点抓好",
        "",
        "六个方面工作",
        "",
        "2",
        "",
        "构建现代产业体系",
        "",
        "优化产业发展格局。以“双轮驱动”为引领,构建“三块三轴”的产业发展格局。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "2022年经济社会发展取得新的成效"],
      [2, "全力稳住经济大盘"],
      [1, "2023年,重点抓好六个方面工作"],
      [2, "构建现代产业体系"],
    ]);
    expect(d.lines.find((l) => l.heading === "构建现代产业体系")?.number).toBe("2");
  });

  it("a spaced headline follows a paragraph that lost its full stop", () => {
    const d = classify(
      [
        "聚焦助企业强实体 经济运行平稳有序",
        "",
        "荣获全市扩大有效投资专项优胜单位、全市高质量发展贡献奖等荣誉",
        "",
        "聚焦兴产业优结构 转型发展提速升级",
        "",
        "制造业竞争力不断增强。全区规模以上工业企业亩均税收达到13.9万元,增长29%。",
        "",
        "聚焦抓创新扩开放 发展活力不断增强",
        "",
        "开放平台加快建设。国际陆港上街区建设取得重大进展。",
      ].join("\n"),
    );
    expect(headings(d).map((h) => h[1])).toEqual([
      "聚焦兴产业优结构 转型发展提速升级",
      "聚焦抓创新扩开放 发展活力不断增强",
    ]);
  });

  it("a short line cut from a paragraph is not a headline", () => {
    const d = classify(
      [
        "坚持现代服务业立区 科技型工业强区",
        "",
        "持续提升城市品质",
        "",
        "在建市政道路75条,打通“断头路”3条。",
        "",
        "加速释放改革创新动能",
        "",
        "新增公共停车位6505个。",
        "深化“物业城市”建设,辖区三环内",
        "",
        "办事处及马寨镇418个路段环卫作业实现专业化、标准化管理。",
        "近年来，上街区先后引进奥克斯、东方雨虹、中航材等国内500强企业和",
        "",
        "行业领军企业，“引进一个企业，壮大一个产业，形成一个集群”的效果已经显现。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "持续提升城市品质"],
      [1, "加速释放改革创新动能"],
    ]);
  });
});

describe("sub-titles standing alone on their line", () => {
  const GD_BODY =
    "地区生产总值从11.37万亿元提高到14.58万亿元，人均地区生产总值从9万元提高到11万元。区域创新能力连续9年全国第一。";

  it("a numbered sub-title of any length above its paragraph; one-sentence items in a row stay a list (广东省 2026)", () => {
    const long =
      "（四）推动供需高水平动态适配，在建设强大国内市场中努力扩大有潜能的消费、有需求的生产、有效益的投资。";
    const d = classify(
      [
        "三、2026年工作安排",
        long,
        "坚持惠民生和促消费、投资于物和投资于人紧密结合，推动投资和消费相互促进。",
        "（五）坚持以人民为中心，在推动共同富裕上取得更大进展，让发展成果更多更公平惠及全体人民。",
        "（六）坚持底线思维，在统筹发展和安全上取得更大进展，守牢安全发展底线不放松不动摇。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "三、2026年工作安排"],
      [2, long],
    ]);
  });

  it("three parallel one-sentence lines, each above its paragraph, are a section's sub-titles (广东省 2026, 湖北省 2026)", () => {
    const d = classify(
      [
        "一、2025年和“十四五”时期工作回顾",
        "这是经济实力持续提升的五年。",
        GD_BODY,
        "这是粤港澳大湾区建设纵深推进的五年。",
        GD_BODY,
        "这是产业科技互促双强大力拓展的五年。",
        GD_BODY,
        "二、“十五五”时期工作的主要考虑",
        "——扎实抓好稳增长、防风险、保民生三项基本任务，高质量发展的底盘持续夯实。",
        "经济运行稳中有进。坚持把稳增长摆在突出位置，经济运行稳中有进。",
        GD_BODY,
        "——着力深化改革、扩大开放、促进创新，高质量发展的动力更加强劲。",
        GD_BODY,
        "——切实加强政府自身建设、优化创新生态和营商环境，高质量发展的保障更为有力。",
        GD_BODY,
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "一、2025年和“十四五”时期工作回顾"],
      [2, "这是经济实力持续提升的五年。"],
      [2, "这是粤港澳大湾区建设纵深推进的五年。"],
      [2, "这是产业科技互促双强大力拓展的五年。"],
      [1, "二、“十五五”时期工作的主要考虑"],
      [2, "——扎实抓好稳增长、防风险、保民生三项基本任务，高质量发展的底盘持续夯实。"],
      [2, "——着力深化改革、扩大开放、促进创新，高质量发展的动力更加强劲。"],
      [2, "——切实加强政府自身建设、优化创新生态和营商环境，高质量发展的保障更为有力。"],
    ]);
  });

  it("two such lines, unlike ones, or ones far apart stay paragraphs (青海省 2026, 绵阳, national 1954)", () => {
    const two = classify(
      ["一、工作回顾", "生态底色更加亮丽。", GD_BODY, "经济运行持续向好。", GD_BODY].join("\n"),
    );
    expect(headings(two)).toEqual([[1, "一、工作回顾"]]);
    const unlike = classify(
      [
        "我们统筹推进新型城镇化和乡村全面振兴，持续用力强县活镇兴村，城乡融合发展取得新突破。",
        GD_BODY,
        "持续深入实施生态美市战略，坚定不移走生态优先、绿色发展之路。",
        GD_BODY,
        "贯彻总体国家安全观，健全公共安全体系和应急管理体系。",
        GD_BODY,
      ].join("\n"),
    );
    expect(headings(unlike)).toEqual([]);
    const far = ["我国同挪威和荷兰改进关系的谈判正在进行中。", ...Array(5).fill(GD_BODY)];
    expect(headings(classify([...far, ...far, ...far].join("\n")))).toEqual([]);
  });
});

describe("appendices and bold words set apart", () => {
  it("an appendix is a level-1 heading above its own numbered items; its 附件 label leaves the body (广东省 2026)", () => {
    const d = classify(
      [
        "一、2025年工作回顾",
        BODY,
        "（一）全力促进经济平稳健康发展",
        "地区生产总值增长3.9%、总量连续37年居全国首位。地方一般公共预算收入增长3%。",
        "各位代表！奋进正当其时，实干成就未来。",
        "附件1",
        "2026年省十件民生实事",
        "坚持民生为大，以更大力度投资于人，扎扎实实办好十件民生实事。",
        "一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。",
        "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上。",
        "附件2",
        "名词解释",
        "1.“四上”企业：",
        "现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的一种习惯称谓。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([
      [1, "一、2025年工作回顾"],
      [2, "（一）全力促进经济平稳健康发展"],
      [1, "2026年省十件民生实事"],
      [2, "一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平。"],
      [1, "名词解释"],
    ]);
    expect(d.lines.find((l) => l.heading === "名词解释")?.number).toBe("附件2");
    expect(furniture(d)).toEqual([
      ["other", "附件1"],
      ["other", "附件2"],
    ]);
  });

  it("back matter after numbered parts is level 1 (四川省 2026, 徐水 2024, 易县 2022)", () => {
    for (const title of ["名词解释", "[名词解释]", "※注释※"]) {
      const d = classify(
        [
          "一、2025年工作回顾",
          BODY,
          "（一）全力促进经济平稳健康发展",
          BODY,
          title,
          "1.“两重”：是指国家重大战略实施。",
        ].join("\n"),
      );
      expect(headings(d).at(-1)).toEqual([1, title]);
    }
  });

  it("bold words on lines of their own inside a sentence are no headline (广东省 2026, 河北省 2021)", () => {
    const d = classify(
      [
        "一、“十五五”时期的主要目标和重点任务",
        BODY,
        "“十五五”时期经济社会发展的",
        "主要目标",
        "是：地区生产总值年均增长5%左右，高质量发展取得显著成效。",
        "这五年，我们坚定不移践行",
        "以人民为中心发展思想",
        "，在脱贫攻坚、推进共享中努力提高人民生活水平。",
      ].join("\n"),
    );
    expect(headings(d)).toEqual([[1, "一、“十五五”时期的主要目标和重点任务"]]);
  });
});

describe("title and meta", () => {
  it("letter-spaced title, dashed venue line and speaker (district_hailar)", () => {
    const d = classify(
      [
        "政 府 工 作 报 告",
        "",
        "----2012年2月29日在海拉尔区第十三届人民代表大会第六次会议",
        "海拉尔区人民政府区长　　张天喜",
        "　　各位代表：",
        "　　一、过去一年工作回顾",
        BODY,
      ].join("\n"),
    );
    expect(d.title).toBe("政府工作报告");
    expect(d.meta).toMatchObject({
      date: "2012-02-29",
      speaker: "张天喜",
      meeting: "海拉尔区第十三届人民代表大会第六次会议",
      kind: "政府工作报告",
    });
  });

  it("web chrome before the title, the fullest title line wins (province_2026)", () => {
    const d = classify(
      [
        "下载",
        "打印",
        "【字号：",
        "加大",
        "】",
        "2026年上海市政府工作报告",
        "——2026年2月3日在上海市第十六届人民代表大会第四次会议上",
        "来源：解放日报",
        "时间：2026-02-09",
        "上海市市长 龚 正",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(d.title).toBe("2026年上海市政府工作报告");
    expect(d.meta).toMatchObject({
      date: "2026-02-03",
      speaker: "龚正",
      meeting: "上海市第十六届人民代表大会第四次会议",
    });
    expect(furniture(d).map((f) => f[0])).toEqual([
      "chrome",
      "chrome",
      "chrome",
      "chrome",
      "chrome",
      "chrome",
      "chrome",
    ]);
  });

  it("a byline the layout broke over short lines is the speaker; a whole one below a broken venue stays itself (河北省 2004, 贵港)", () => {
    const d = classify(
      [
        "政府工作报告",
        "—在河北省第十届人民代表大会第二次会议上（二〇〇四年一月八日）",
        "河北",
        "省省",
        "长 季允石",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(d.meta).toMatchObject({ speaker: "季允石", role: "河北省省长" });
    expect(d.lines.filter((l) => l.kind === "body").map((l) => l.text)).toEqual(["各位代表：", BODY]);
    const whole = classify(
      [
        "政府工作报告",
        "——2024年2月3日在贵港市第六届人民代表大会",
        "第六次会议上",
        "市长  林海波",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(whole.meta).toMatchObject({ speaker: "林海波", role: "市长" });
  });

  it("the report's own title over the portal's page headline, years listed with 、 (national 1980)", () => {
    const d = classify(
      [
        "1980年国务院政府工作报告",
        "",
        "中央政府门户网站　www.gov.cn　　 2006年02月16日 09时45分　　 来源：新华社",
        "",
        "1980年政府工作报告",
        "",
        "关于１９８０、１９８１年国民经济计划安排的报告",
        "",
        "——１９８０年８月３０日在第五届全国人民代表大会第三次会议上",
        "",
        "　　各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(d.title).toBe("关于1980、1981年国民经济计划安排的报告");
    expect(headings(d)).toEqual([]);
  });

  it("title and venue on one line; Chinese-numeral dates; a venue broken over two lines", () => {
    const a = classify(
      [
        "1954年政府工作报告——1954年5月23日在中华人民共和国第一届全国人民代表大会第一次会议上",
        "国务院总理周恩来",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(a.title).toBe("1954年政府工作报告");
    expect(a.meta).toMatchObject({ date: "1954-05-23", speaker: "周恩来" });
    expect(parseChineseDate("二〇〇三年一月十日")).toBe("2003-01-10");
    const b = classify(
      [
        "政府工作报告",
        "——2026年1月26日在广东省第十四届",
        "人民代表大会第五次会议上",
        "广东省省长 孟凡利",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(b.title).toBe("政府工作报告");
    expect(b.meta).toMatchObject({
      date: "2026-01-26",
      speaker: "孟凡利",
      meeting: "广东省第十四届人民代表大会第五次会议",
    });
  });

  it("a subtitle set directly under the title joins it; a headline after a blank line does not", () => {
    const d = classify(["上街区2023年经济工作会议召开", "奋力谱写现代化上街建设新篇章", "", BODY].join("\n"));
    expect(d.title).toBe("上街区2023年经济工作会议召开 奋力谱写现代化上街建设新篇章");
    const e = classify(
      ["确保高标准完成全年各项目标任务", "", "坚持建强载体平台 全面扩大 现代化建设开放优势", "", BODY].join(
        "\n",
      ),
    );
    expect(e.title).toBe("确保高标准完成全年各项目标任务");
    expect(headings(e)).toEqual([[1, "坚持建强载体平台 全面扩大 现代化建设开放优势"]]);
  });

  it("a labelled title in a scraped header (hebei_baoding_webscrape)", () => {
    const d = classify(
      ["标题：2024年保定市政府工作报告", "发文单位：保定市人民政府", "正文：", "", BODY].join("\n"),
    );
    expect(d.title).toBe("2024年保定市政府工作报告");
    expect(furniture(d).map((f) => f[0])).toEqual(["title-chrome", "chrome", "chrome"]);
  });
});

describe("furniture", () => {
  it.each([
    ["3", "page-number"],
    ["— 3 —", "page-number"],
    ["-3-", "page-number"],
    ["下转M03版", "continuation"],
    ["（上接第1版）", "continuation"],
    ["本报记者 武建玲 通讯员 姚民 赵东东", "byline"],
    ["记者 韩娟 通讯员 张光明 王耀祖 木坤坤/文 刘赛/图", "byline"],
    ["（责任编辑：宋雅静）", "byline"],
    ["刘赛/图", "credit"],
    ["本报记者 朱江 摄", "byline"],
    ["本版图片由上街区委宣传部提供", "credit"],
    ["新华社北京3月15日电", "dateline"],
    ["2026-02-03 09:02:33", "dateline"],
    ["【字号：大 中 小】", "chrome"],
    ["分享到微信", "chrome"],
    ["来源：云南日报", "chrome"],
    ["发布时间：2026-02-09", "chrome"],
    ["浏览次数：1024", "chrome"],
    ["冀ICP备06016263号-1", "chrome"],
    ["版权所有：河北省人民政府", "chrome"],
    ["，未经许可，不得转载！", "chrome"],
    ["当前位置： 首页>> 中国概况", "chrome"],
    ["内容摘要：", "chrome"],
    ["图为上街区奥克斯小微企业园生产车间。", "caption"],
    ["（资料图片）", "caption"],
    ["■本报记者 张三 李四", "byline"],
    ["文/图 本报记者 王五", "byline"],
    ["郑州日报全媒体记者 张三 通讯员 李四", "byline"],
    ["见习记者 赵六", "byline"],
  ])("%s -> %s", (text, type) => {
    expect(matchFurniture(text)?.type).toBe(type);
  });

  it("site furniture issue #16 names: report lines, mail boxes, counters, 记者|name, app promotions, aggregator watermarks", () => {
    const expected: [string, string][] = [
      ["举报电话：0312-1234567", "chrome"],
      ["电子邮箱：xxzx@bd.gov.cn", "chrome"],
      ["添加时间：2021-03-05 10:20:30", "chrome"],
      ["访客：5678", "chrome"],
      ["记者|王五", "byline"],
      ["记者｜王五 李四", "byline"],
      ["下载APP，阅读更多精彩内容", "chrome"],
      ["宁夏日报客户端", "chrome"],
      ["来自中国统计数据网", "chrome"],
      ["本文来自：百度文库", "chrome"],
    ];
    for (const [t, type] of expected) expect([t, matchFurniture(t)?.type]).toEqual([t, type]);
    for (const t of [
      "“美丽阿坝”APP火热上线，全民义务植树180.9万人次。",
      "积极推进黄河口国家公园访客中心、主题式特色酒店等旅游设施建设。",
      "通过“冀时办”APP进行线上预约",
    ]) {
      expect(matchFurniture(t)).toBeNull();
    }
  });

  it("a caption whose credit was dropped, under the speaker's byline and the page's chrome (天津市 2026)", () => {
    const d = classify(
      [
        "【字号：",
        "加大",
        "】",
        "2026年天津市政府工作报告",
        "——2026年1月26日在天津市第十八届人民代表大会第四次会议上",
        "来源：天津日报",
        "时间：2026-02-03",
        "天津市市长 张工",
        "张工作政府工作报告。",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(d.meta).toMatchObject({ speaker: "张工", role: "天津市市长" });
    expect(furniture(d).at(-1)).toEqual(["caption", "张工作政府工作报告。"]);
    expect(d.lines.filter((l) => l.kind === "body").map((l) => l.text)).toEqual(["各位代表：", BODY]);
    expect(matchFurniture("这是会议现场。")?.type).toBe("caption");
    expect(matchFurniture("我代表市人民政府作政府工作报告。")).toBeNull();
  });

  it("does not take body sentences for furniture", () => {
    for (const t of [
      BODY,
      "各位代表：",
      "一、2023年工作回顾",
      "新增城镇就业2835人。",
      "记者从会上获悉，全市经济运行平稳。",
    ]) {
      expect(matchFurniture(t)).toBeNull();
    }
  });

  it("photo captions on pages with pictures (seed 004)", () => {
    const d = classify(
      [
        "上街：打造“小而精 小而美”现代化“西美”城区",
        "本报记者 武建玲 通讯员 姚民 赵东东",
        "",
        "",
        "",
        "党员突击队清淤",
        "",
        "“九月的郑州，天高云淡，秋意渐浓。走进位于上街区奥克斯小微企业园的郑州凯思达机械有限公司，但见一片繁忙生产景象。",
        "",
        "",
        "",
        "郑州航展成为河南新名片",
        "",
        "党建引领 凝聚发展磅礴力量",
        "",
        "火车跑得快，全靠车头带。党的领导是中国特色社会主义的本质特征。",
        "本版图片由上街区委宣传部提供",
        "",
        "",
        "",
        "日新月异上街区",
      ].join("\n"),
    );
    expect(furniture(d)).toEqual([
      ["byline", "本报记者 武建玲 通讯员 姚民 赵东东"],
      ["caption", "党员突击队清淤"],
      ["caption", "郑州航展成为河南新名片"],
      ["credit", "本版图片由上街区委宣传部提供"],
      ["caption", "日新月异上街区"],
    ]);
    expect(headings(d)).toEqual([[1, "党建引领 凝聚发展磅礴力量"]]);
  });

  it("bylines and photo credits glued to the end of a paragraph are split off", () => {
    const d = classify(
      [
        "一、工作回顾",
        "在中原区委经济工作会议上，这些问题的答案渐渐明晰。记者 韩娟 通讯员 张光明 王耀祖 木坤坤/文 刘赛/图",
        "省长刘小涛代表省人民政府向大会作政府工作报告。本报记者 朱江 摄",
      ].join("\n"),
    );
    expect(furniture(d)).toEqual([
      ["byline", "记者 韩娟 通讯员 张光明 王耀祖 木坤坤/文 刘赛/图"],
      ["caption", "省长刘小涛代表省人民政府向大会作政府工作报告。"],
      ["credit", "本报记者 朱江 摄"],
    ]);
    expect(d.lines.find((l) => l.kind === "body")?.text).toBe(
      "在中原区委经济工作会议上，这些问题的答案渐渐明晰。",
    );
  });

  it("a caption of two sentences under the byline, split from its photo credit (national 2009)", () => {
    const d = classify(
      [
        "政府工作报告——２００９年３月５日在第十一届全国人民代表大会第二次会议上",
        " 国务院总理 温家宝",
        "\u00a0\u00a0\u00a0\u00a03月5日，第十一届全国人民代表大会第二次会议在北京人民大会堂开幕。国务院总理温家宝作政府工作报告。　新华社记者刘建生摄",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(furniture(d).slice(-2)).toEqual([
      [
        "caption",
        "3月5日，第十一届全国人民代表大会第二次会议在北京人民大会堂开幕。国务院总理温家宝作政府工作报告。",
      ],
      ["credit", "新华社记者刘建生摄"],
    ]);
  });

  it("the seam of a page holding its body twice: 责任编辑's closing bracket, 【E-mail推荐 and the copy's header (national 1980)", () => {
    const body = [
      "　　各位代表：",
      "　　我受国务院的委托，现在向大会提出关于１９８０、１９８１年国民经济计划安排的报告，请予审议。",
      `　　${BODY}${BODY}`,
      `　　${BODY.replace("全市", "全国")}${BODY}${BODY}`,
      "　　各位代表！一年多来，我们认真执行了调整、改革、整顿、提高的方针，为完成和超额完成１９８０、１９８１年国民经济计划而努力奋斗！",
    ];
    const header = [
      "1980年国务院政府工作报告",
      "",
      "中央政府门户网站　www.gov.cn　　 2006年02月16日 09时45分　　 来源：新华社",
      "",
      "\u00a01980年政府工作报告",
      "关于１９８０、１９８１年国民经济计划安排的报告",
      "——１９８０年８月３０日在第五届全国人民代表大会第三次会议上",
    ];
    const seam = ["（责任编辑： 郭桢", " ）", "【E-mail推荐", "】"];
    const d = classify([...header, ...body, ...seam, ...header, ...body, ...seam].join("\n"));
    const kept = d.lines.filter((l) => l.kind === "body").map((l) => l.text);
    const halfWidth = (t: string) =>
      t.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    expect(kept).toEqual(body.map((t) => halfWidth(t.replace(/^　　/u, ""))));
    const f = furniture(d);
    const at = f.findIndex((x) => x[1] === "（责任编辑： 郭桢");
    expect(f.slice(at, at + 4)).toEqual([
      ["byline", "（责任编辑： 郭桢"],
      ["byline", "）"],
      ["chrome", "【E-mail推荐"],
      ["chrome", "】"],
    ]);
  });

  it("sidebars after the body, previews and repeated bodies (county_baoding_xlsx)", () => {
    const body = [
      "《报告》说，“十三五”时期的五年，是我区发展历程中极不平凡的五年。",
      "《报告》最后指出，征途漫漫，惟有奋斗。让我们更加紧密地团结起来。",
    ];
    const d = classify(
      [
        "保定市满城区2021年政府工作报告",
        "内容摘要：",
        "在2月5日召开的保定市满城区第二届人民代表大会第五次会议上，区长代表区人民政府作报告。《报告》......",
        ...body,
        ...body,
        "分享到：",
        "QQ空间",
        "上一篇：",
        "保定市满城区2020年政府工作报告",
        "相关文章",
        "03-30",
        "保定市满城区2022年政府工作报告",
      ].join("\n"),
    );
    const f = furniture(d);
    expect(f.filter((x) => x[0] === "duplicate").length).toBe(3);
    expect(f.slice(-6).every((x) => x[0] === "chrome")).toBe(true);
    expect(d.lines.filter((l) => l.kind === "body").map((l) => l.text)).toEqual(body);
  });

  it("navigation menus and breadcrumbs of scraped pages", () => {
    const d = classify(
      [
        "中国政府网",
        "河北省人大",
        "河北省政府",
        "河北省政协",
        "首页",
        ">",
        "政府信息公开",
        ">",
        "省政府工作报告",
        "各位代表：",
        BODY,
      ].join("\n"),
    );
    expect(d.lines.filter((l) => l.kind === "heading")).toEqual([]);
    expect(furniture(d).length).toBe(9);
  });
});
