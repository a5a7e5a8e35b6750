import { describe, expect, it } from "vitest";
import { findStats } from "./stats.ts";

// Sentences from the seeds and the corpus.
const one = (text: string) => {
  const s = findStats(text);
  for (const x of s) expect(text.slice(x.start, x.start + x.text.length)).toBe(x.text);
  return s.map((x) => ({ text: x.text, value: x.value, unit: x.unit, kind: x.kind }));
};

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
