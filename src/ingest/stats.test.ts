import { describe, expect, it } from "vitest";
import { findStats, labelFault } from "./stats.ts";

// Sentences from the seeds and the corpus.
const one = (text: string) => {
  const s = findStats(text);
  for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
  return s.map((x) => ({ text: x.text, value: x.value, unit: x.unit, kind: x.kind }));
};
const read = (text: string) => one(text).map((x) => [x.text, x.value, x.unit]);

describe("findStats: figures", () => {
  it("amounts in base units with multipliers", () => {
    expect(one("减税降费3.44亿元;79个重点项目完成投资52.08亿元")).toEqual([
      { text: "3.44亿元", value: 344000000, unit: "元", kind: "amount" },
      { text: "79个", value: 79, unit: "个", kind: "count" },
      { text: "52.08亿元", value: 5208000000, unit: "元", kind: "amount" },
    ]);
    expect(one("跨境电商交易额达5.7亿美元")[0]).toMatchObject({ value: 570000000, unit: "美元" });
    expect(one("全市生产总值达到5.67万亿元")[0]).toMatchObject({ value: 5.67e12, unit: "元" });
  });

  it("takes no figure that touches a U+FFFD, which may have been one of its digits", () => {
    expect(findStats("地区生产总值增长1\uFFFD5%，财政收入8.2亿元\uFFFD").map((x) => x.text)).toEqual([]);
    expect(findStats("增长\uFFFD 5%，收入8.2亿元").map((x) => x.text)).toEqual(["5%", "8.2亿元"]);
  });

  it("thousands grouped with a full-width comma, as older print has them (national 1980)", () => {
    const s = findStats("原煤产量达到62，000万吨，钢产量33，212万吨。");
    expect(s.map((x) => [x.text, x.value, x.unit])).toEqual([
      ["62，000万吨", 620000000, "吨"],
      ["33，212万吨", 332120000, "吨"],
    ]);
  });

  it("units written another way are counted in the lexicon's base unit; new units (吉瓦, 趟, 方)", () => {
    const s = findStats(
      "新建2万平米，PM2.5降至28.5微克每立方米，新增装机22吉瓦，开行班列123趟，清淤46万方，从3方面推进。",
    );
    expect(s.map((x) => [x.text, x.value, x.unit])).toEqual([
      ["2万平米", 20000, "平方米"],
      ["28.5微克每立方米", 28.5, "微克/立方米"],
      ["22吉瓦", 22, "吉瓦"],
      ["123趟", 123, "趟"],
      ["46万方", 460000, "方"],
    ]);
  });

  it("areas, counts with 余/多 and compound units", () => {
    expect(one("盘活闲置厂房、楼宇8.36万平方米")[0]).toMatchObject({
      text: "8.36万平方米",
      value: 83600,
      unit: "平方米",
    });
    expect(one("完成农林植保作业500余万亩")[0]).toMatchObject({
      text: "500余万亩",
      value: 5000000,
      unit: "亩",
    });
    expect(one("累计发动11.6万余人参与抢险救灾")[0]).toMatchObject({
      text: "11.6万余人",
      value: 116000,
      unit: "人",
    });
    expect(one("接待航空科普研学3.5万人次")[0]).toMatchObject({ value: 35000, unit: "人次" });
    expect(one("企业开办时间压缩至0.5个工作日")[0]).toMatchObject({ value: 0.5, unit: "个工作日" });
    expect(one("累计接种新冠疫苗201.32万剂次")[0]).toMatchObject({ value: 2013200, unit: "剂次" });
    expect(one("营商环境评价总体得分83.73分")[0]).toMatchObject({ value: 83.73, unit: "分" });
    expect(one("集装箱吞吐量达到120万标箱")[0]).toMatchObject({ value: 1200000, unit: "标箱" });
    expect(one("PM2.5平均浓度降至35微克/立方米")[0]).toMatchObject({ text: "35微克/立方米", value: 35 });
    expect(one("查处违法案件49起")[0]).toMatchObject({ value: 49, unit: "起" });
    expect(one("城镇居民人均可支配收入达到15,200元")[0]).toMatchObject({ value: 15200, unit: "元" });
  });

  it("percentages: growth, share, percentage points", () => {
    expect(one("亩均税收达到13.9万元,增长29%")[1]).toMatchObject({ value: 29, unit: "%", kind: "growth" });
    expect(one("金融业增加值占生产总值比重达到13.32%")[0]).toMatchObject({ value: 13.32, kind: "share" });
    expect(one("超出省定目标19.1个百分点")[0]).toMatchObject({ value: 19.1, unit: "个百分点" });
    expect(one("研发覆盖率达到65%")[0]).toMatchObject({ value: 65, unit: "%" });
  });

  it("a rate raised to a value is the level reached, not a growth rate (增长到, 提高至)", () => {
    const kinds = (text: string) => one(text).map((x) => x.kind);
    expect(kinds("常住人口城镇化率提高到66.2%，湿地保护率提升至51.8%")).toEqual(["percent", "percent"]);
    expect(kinds("护理型床位占比提高到80%")).toEqual(["share"]);
    expect(kinds("城市化率由26.1%提高到37.5%")).toEqual(["percent", "percent"]);
    // A growth rate raised is still a rate; a growth verb with no 到/至 is a growth.
    expect(kinds("工业增加值增速提高到8.5%，税收增长达21.5%")).toEqual(["growth", "growth"]);
  });

  it("ranks", () => {
    expect(one("上街区在全省营商环境评价中排名第5,比上年度提高9个位次")).toEqual([
      { text: "第5", value: 5, unit: "名", kind: "rank" },
      { text: "9个位次", value: 9, unit: "个位次", kind: "rank" },
    ]);
    expect(one("位列全省第3名")[0]).toMatchObject({ text: "第3名", value: 3, unit: "名", kind: "rank" });
    expect(one("经济总量居全国第5位")[0]).toMatchObject({
      text: "第5位",
      value: 5,
      unit: "位",
      kind: "rank",
    });
  });

  it("ranges, approximations and targets", () => {
    const [r] = findStats("预期目标为地区生产总值增长6%-6.5%");
    expect(r).toMatchObject({
      text: "6%-6.5%",
      value: 6,
      valueMax: 6.5,
      unit: "%",
      kind: "range",
      target: true,
    });
    expect(findStats("逐步打造2-3个完整产业链的产业集群")[0]).toMatchObject({
      text: "2-3个",
      value: 2,
      valueMax: 3,
    });
    expect(findStats("社会消费品零售总额增长12%左右")[0]).toMatchObject({ text: "12%", approx: true });
    expect(findStats("力争新增高新技术企业20家")[0]).toMatchObject({ value: 20, target: true });
    expect(findStats("我们投入近120万元对生产设备进行全面升级")[0]).toMatchObject({
      text: "120万元",
      approx: true,
    });
  });

  it("several values in one sentence, each with its own label", () => {
    const s = findStats("科技型企业、高新技术企业总量分别突破200家、100家");
    expect(s.map((x) => [x.text, x.label])).toEqual([
      ["200家", "科技型企业"],
      ["100家", "高新技术企业总量"],
    ]);
    expect(findStats("PM10、PM2.5浓度较2017年分别下降24.56%、16.13%").map((x) => x.value)).toEqual([
      24.56, 16.13,
    ]);
  });
});

describe("findStats: figures from the corpus gold (issue #16)", () => {
  it("per-unit rates keep their compound unit", () => {
    expect(read("城乡低保标准分别提升至800元/月、610元/月")).toEqual([
      ["800元/月", 800, "元/月"],
      ["610元/月", 610, "元/月"],
    ]);
    expect(read("全员劳动生产率提高到42万元/人以上")).toEqual([["42万元/人", 420000, "元/人"]]);
    expect(read("开发区产出强度达250万元/亩")).toEqual([["250万元/亩", 2500000, "元/亩"]]);
  });

  it("compound counting units (吨标煤, 针剂, 头只, 户次)", () => {
    expect(read("节能量11.2万吨标煤，接种疫苗107.9万针剂，牲畜存栏14万头只，惠及市场主体427万户次")).toEqual([
      ["11.2万吨标煤", 112000, "吨标煤"],
      ["107.9万针剂", 1079000, "针剂"],
      ["14万头只", 140000, "头只"],
      ["427万户次", 4270000, "户次"],
    ]);
  });

  it("a number written in two parts is one number (1万6千多户, not 6千户)", () => {
    expect(read("帮扶1万6千多户，修路2万5千公里")).toEqual([
      ["1万6千多户", 16000, "户"],
      ["2万5千公里", 25000, "公里"],
    ]);
  });

  it("ranges stay one figure, whatever the dash, with the multiplier written twice", () => {
    expect(findStats("争取明年节约标准煤700万到800万吨")[0]).toMatchObject({
      text: "700万到800万吨",
      value: 7000000,
      valueMax: 8000000,
      kind: "range",
    });
    expect(findStats("国内生产总值增长6.5%－7%")[0]).toMatchObject({
      text: "6.5%－7%",
      value: 6.5,
      valueMax: 7,
    });
    expect(findStats("新建普通高中3―5所")[0]).toMatchObject({ text: "3―5所", value: 3, valueMax: 5 });
    expect(read("用2－3年时间，受教育年限从10.23年提高到10.8年，2021-2025年")).toEqual([
      ["2－3年", 2, "年"],
      ["10.23年", 10.23, "年"],
      ["10.8年", 10.8, "年"],
    ]);
  });

  it("Chinese numerals: counts of things and amounts", () => {
    expect(read("改建九龙河王胡庄桥两座农村危桥，改造何桥、阳城等四所乡镇卫生院，举办两次招商活动")).toEqual([
      ["两座", 2, "座"],
      ["四所", 4, "所"],
      ["两次", 2, "次"],
    ]);
    expect(read("重大科学研究项目共四百多项，城镇居民收入将增加四十多亿元，总投资超千亿元")).toEqual([
      ["四百多项", 400, "项"],
      ["四十多亿元", 4000000000, "元"],
      ["千亿元", 100000000000, "元"],
    ]);
    expect(read("裕能产值突破百亿")).toEqual([["百亿", 10000000000, "元"]]);
    expect(read("打造十个特色农产品示范区")).toEqual([["十个", 10, "个"]]);
  });

  it("a multiplier with no unit takes the unit the words around it imply", () => {
    expect(read("参保人数分别增加1753万和2028万")).toEqual([
      ["1753万", 17530000, "人"],
      ["2028万", 20280000, "人"],
    ]);
    expect(read("解决4800多万农村人口的饮水安全问题")).toEqual([["4800多万", 48000000, "人"]]);
    expect(read("单日最高客运量分别达1409万、1305万人次")).toEqual([
      ["1409万", 14090000, "人次"],
      ["1305万人次", 13050000, "人次"],
    ]);
    expect(read("6个产业集群达到2000亿级")).toEqual([
      ["6个", 6, "个"],
      ["2000亿", 200000000000, "元"],
    ]);
    expect(read("累计达到3万，争取更多")).toEqual([]);
  });

  it("ranks: 第N位, a bare 全市第3, Chinese ordinals in a ranking; 排名第5 is counted in 名", () => {
    expect(read("一般公共预算收入完成20.1亿元，全市第3；上涨3.13米，排全省第7")).toEqual([
      ["20.1亿元", 2010000000, "元"],
      ["第3", 3, "位"],
      ["3.13米", 3.13, "米"],
      ["第7", 7, "位"],
    ]);
    expect(read("铁路通车总里程居全国第二位，从世界第六位上升到第四位")).toEqual([
      ["第二位", 2, "位"],
      ["第六位", 6, "位"],
      ["第四位", 4, "位"],
    ]);
    expect(read("营商环境评价中排名第5")).toEqual([["第5", 5, "名"]]);
    expect(read("把抢救人的生命放在第一位")).toEqual([]);
  });

  it("a figure glued to a letter is a figure unless the letters run into a model code", () => {
    expect(read("抓好12179户D级房重建任务")).toEqual([["12179户", 12179, "户"]]);
    expect(read("中国航发608所AES100发动机")).toEqual([]);
  });
});

describe("findStats: classes, brackets and names are not figures", () => {
  it.each([
    ["产能180万吨以上煤矿智能化改造全部完成", "a class of mines"],
    ["提升改造年出栏5000头以上养殖场", "a class of farms"],
    ["65岁及以上老年人医养结合服务率", "an age bracket"],
    ["落实满3岁即入园等政策", "an age threshold"],
    ["纳入国家102项重大工程", "the name of a list"],
    ["全面贯彻落实省委十二届二次、三次、四次全会精神", "meeting ordinals"],
    ["要突出抓好以下四个方面的工作", "a count of topics"],
    ["统筹国内国际两个大局，守好两条底线", "slogans"],
    ["在实现四个现代化过程中", "a slogan"],
    ["惠及千家万户，蕴藏千千万万个市场细胞", "figures of speech"],
    ["三台县成功创建国家现代农业产业园", "a place name"],
    ["卫生城市，PM2.5年均浓度下降", "PM2.5"],
  ])("%s (%s)", (text) => {
    expect(findStats(text).filter((x) => !/^\d+(?:\.\d+)?%$/u.test(x.text))).toEqual([]);
  });

  it("a count before 以上 + noun still counts the noun; so does a lifetime in 岁", () => {
    expect(read("新培育10家以上龙头企业")).toEqual([["10家", 10, "家"]]);
    expect(read("开行100万吨以上并逐年增加")).toEqual([["100万吨", 1000000, "吨"]]);
    expect(read("人均预期寿命提高到78.8岁")).toEqual([["78.8岁", 78.8, "岁"]]);
  });
});

describe("findStats: labels", () => {
  it.each([
    ["全区地区生产总值完成785.6亿元", "地区生产总值"],
    ["减税降费3.44亿元", "减税降费"],
    ["全社会研发投入达到15亿元", "全社会研发投入"],
    ["新增城镇就业2835人", "新增城镇就业"],
  ])("%s -> %s", (text, label) => {
    expect(findStats(text)[0]?.label).toBe(label);
  });

  it("a growth rate after an amount takes the amount's label", () => {
    expect(findStats("亩均税收达到13.9万元,增长29%")[1]?.label).toBe("亩均税收增速");
  });
});

describe("findStats: a label names the indicator, never a piece of the sentence (issue #16)", () => {
  it("a figure followed by 的 names its own noun, not the figure's before it (bundled 上街区 2018)", () => {
    const labels = findStats("54%的老旧小区旧貌换新颜，98%的居民喝上丹江水，88%的家庭用上集中供暖。").map(
      (s) => s.label,
    );
    expect(labels.slice(1)).toEqual(["居民喝上丹江水", "家庭用上集中供暖"]);
  });

  it("a comparison with a named period (比“十二五”末) comes after the subject", () => {
    expect(findStats("万元地区生产总值能耗比“十二五”末下降50.7%")[0]?.label).toBe("万元地区生产总值能耗");
  });

  const labels = (text: string) => findStats(text).map((x) => [x.text, x.label]);

  it("a neighbour's number is no part of the label (从A提高到B, 由A增加到B)", () => {
    expect(labels("地区生产总值从11.37万亿元提高到14.58万亿元")).toEqual([
      ["11.37万亿元", "地区生产总值"],
      ["14.58万亿元", "地区生产总值"],
    ]);
    expect(labels("全员劳动生产率从人均8.7万元提高到12万元以上")).toEqual([
      ["8.7万元", "全员劳动生产率"],
      ["12万元", "全员劳动生产率"],
    ]);
  });

  it("qualifiers before 分别 take the head they share", () => {
    expect(labels("城镇和农村居民人均可支配收入分别达35512元、25689元")).toEqual([
      ["35512元", "城镇居民人均可支配收入"],
      ["25689元", "农村居民人均可支配收入"],
    ]);
    expect(labels("国控、省控断面水质优良率分别为93.8%、95.5%")).toEqual([
      ["93.8%", "国控断面水质优良率"],
      ["95.5%", "省控断面水质优良率"],
    ]);
    expect(findStats("旅游综合收入较疫情前分别增长25%和10%").map((x) => [x.label, x.kind])).toEqual([
      ["旅游综合收入", "growth"],
      ["旅游综合收入", "growth"],
    ]);
    expect(labels("新增1000千伏输电线路1240公里")).toEqual([["1240公里", "输电线路"]]);
    // 月人均 says per head and month, not of what: no label.
    expect(labels("月人均分别提高221元、90元")).toEqual([
      ["221元", null],
      ["90元", null],
    ]);
  });

  it("a rank names what is ranked and where", () => {
    expect(labels("森林覆盖率达68.17%，排全省第2位")[1]).toEqual(["第2位", "森林覆盖率全省位次"]);
    expect(labels("一般公共预算收入完成20.1亿元，全市第3")[1]).toEqual(["第3", "一般公共预算收入全市位次"]);
  });

  it("quoted indicators, brackets and endnote markers belong to the label", () => {
    expect(labels("完成“保交楼”2.91万套")).toEqual([["2.91万套", "“保交楼”"]]);
    expect(labels("固定资产投资（不含农户）增长6%")).toEqual([["6%", "固定资产投资（不含农户）"]]);
    expect(labels("入围国省“专精特新”中小企业（4）9户")).toEqual([["9户", "入围国省“专精特新”中小企业"]]);
  });

  it("verbs, hedges and cut-off growth verbs are trimmed; the object of an investment is named", () => {
    expect(labels("社会消费品零售总额增12%")).toEqual([["12%", "社会消费品零售总额"]]);
    expect(labels("力争300个省市重点项目完成投资800亿元以上")).toEqual([
      ["300个", "省市重点项目"],
      ["800亿元", "省市重点项目投资"],
    ]);
    expect(labels("投资1.27亿元的公路客运总站")).toEqual([["1.27亿元", "公路客运总站投资"]]);
    expect(labels("核电装机规模占全国5.2%，技师学院均达到3所")).toEqual([
      ["5.2%", "核电装机规模占全国比重"],
      ["3所", "技师学院"],
    ]);
    expect(labels("新建绿道137公里、累计达到2136公里")).toEqual([
      ["137公里", "新建绿道"],
      ["2136公里", "绿道"],
    ]);
  });

  it("a phrase that names nothing leaves the label empty and is kept aside", () => {
    const [s] = findStats("比上年增长5%");
    expect(s).toMatchObject({ label: null });
    expect(findStats("从世界第六位上升到第四位").map((x) => x.label)).toEqual([null, null]);
  });

  it.each([
    ["比上年", "opens mid-sentence"],
    ["完成", "is a verb"],
    ["人口自然增长率由上年的1.2%", "holds another number"],
    ["社会消费品零售总额增", "stops mid-sentence"],
    ["县（市", "stops mid-sentence"],
    ["村新打了深水井", "is a clause"],
  ])("labelFault(%s) = %s", (label, why) => {
    expect(labelFault(label)).toBe(why);
  });

  it.each(["地区生产总值", "PM2.5平均浓度", "2021年地区生产总值", "新增城镇就业", "先进产能占比", "5G基站"])(
    "labelFault(%s) = null",
    (label) => {
      expect(labelFault(label)).toBeNull();
    },
  );
});

describe("findStats: not statistics", () => {
  it.each([
    ["2022年是党的二十大胜利召开之年", "years"],
    ["2月22日,中原区召开区委十二届三次全体(扩大)会议", "dates"],
    ["7月19日至21日，连续强降雨", "date ranges"],
    ["当日12时，上街区委组织部发出号召", "clock times"],
    ["为“十四五”经济社会发展开好局", "plan names"],
    ["深入开展“万人助万企”“三个一批”等活动", "slogans"],
    ["确立“135”发展推进体系", "numbered slogans"],
    ["印发“1+9”总体方案及专项实施方案", "1+9"],
    ["按照“1+6+N”的模式对区属国有企业进行架构重组", "1+6+N"],
    ["轨道交通6号线一期(中原区段)", "line numbers"],
    ["获批国家4A级物流标杆企业", "grades"],
    ["获批省内首个A1类许可证", "codes"],
    ["推动建立5G、纺织服装、新材料等产业链", "5G"],
    ["PM10、PM2.5等6项指标同比下降", "PM2.5 as a name"],
    ["下转M03版", "page references"],
    ["实现了“300米见绿、500米见园”", "quoted slogans with units"],
    ["打造10分钟政务服务圈", "service circles"],
    ["基本形成“15分钟医疗卫生服务圈”", "quoted service circles"],
    ["紧盯国内外500强、头部企业", "500强"],
    ["上街区第四轮全员核酸检测中", "Chinese ordinals"],
    ["第十五人民医院启动胸痛中心", "names with ordinals"],
    ["芝麻街1958双创园", "numbers in names"],
    ["“12349”智慧养老服务平台", "hotlines"],
    ["第3批国家级专精特新企业", "batch ordinals"],
    ["当日9时30分召开会议", "clock times"],
    ["开工建设铁山港20万吨级航道", "tonnage classes"],
    ["举办系列活动和市第23届运动会", "event ordinals"],
    ["政务服务大厅实现24小时不打烊", "service names"],
  ])("%s (%s)", (text) => {
    const s = findStats(text).filter((x) => !(text.includes("6项") && x.text === "6项"));
    expect(s).toEqual([]);
  });
});
