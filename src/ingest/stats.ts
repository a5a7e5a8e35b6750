// Stage 8: statistics in a block's text. A figure is a number — digits, Chinese numerals (四百多,
// 两千三百) or both (1万6千) — with an optional multiplier (万/亿…) and a unit from
// lexicon/units.json, or a rank (居全省第3位); a bare 万/亿 takes the unit its words imply. Dates,
// slogans with numbers, line and grade numbers, codes, quoted programme names, classes
// (180万吨以上煤矿) and age brackets are not statistics. Each figure gets the indicator it measures
// as its label, or none when the words before it are only a piece of the sentence.
import statWords from "./lexicon/stat-words.json" with { type: "json" };
import unitLexicon from "./lexicon/units.json" with { type: "json" };
import { alternation, CN_DIGITS, CN_PLACES, escapeRegex } from "./text.ts";
import type { StatKind } from "./types.ts";

export interface FoundStat {
  text: string;
  start: number;
  value: number;
  unit: string;
  kind: StatKind;
  label: string | null;
  valueMax?: number;
  target?: boolean;
  approx?: boolean;
  /** The words before the figure when they are a piece of the sentence, not an indicator (label is then null). */
  labelFragment?: string;
}

interface UnitEntry {
  unit: string;
  kind: string;
  notAfter?: string;
  /** The unit a figure is counted in when written another way ("平米" → 平方米). */
  base?: string;
}

const UNITS = (unitLexicon.units as UnitEntry[]).slice().sort((a, b) => b.unit.length - a.unit.length);
const UNIT_KIND = new Map(UNITS.map((u) => [u.unit, u.kind]));
const UNIT_BASE = new Map(UNITS.map((u) => [u.unit, u.base ?? u.unit]));
const MULTIPLIERS = unitLexicon.multipliers as Record<string, number>;

const UNIT_ALT = UNITS.map((u) =>
  u.notAfter ? `${escapeRegex(u.unit)}(?![${escapeRegex(u.notAfter)}])` : escapeRegex(u.unit),
).join("|");
const MULT_ALT = Object.keys(MULTIPLIERS)
  .sort((a, b) => b.length - a.length)
  .map(escapeRegex)
  .join("|");
const PER_ALT = alternation([...unitLexicon.perUnits].sort((a, b) => b.length - a.length));
// Thousands may be grouped with a comma, full-width in older print ("３３，２１２万吨").
const NUM = "\\d{1,3}(?:[,，]\\d{3})+(?![\\d])(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
// "1万6千多户", "2万5千公里", "1亿2000万元": a number written in two parts is one number.
const NUMX = `(?:${NUM})(?:万\\d+(?:\\.\\d+)?千|亿\\d+(?:\\.\\d+)?万)?`;
const RANGE_SEP = "[-~～–—―－‒至到]";
const NOT_AFTER_NUMBER = "(?<![A-Za-z0-9.\\-+_/#＋])";

// number (a range may repeat the multiplier: "７００万到８００万吨"), 余/多, multiplier, 余/多, unit, per-unit
const FIGURE = new RegExp(
  `${NOT_AFTER_NUMBER}(?<n1>${NUMX})(?:(?<m1>${MULT_ALT})?(?:%|％)?\\s?${RANGE_SEP}\\s?(?<n2>${NUMX}))?(?<a1>余|多)?(?<mult>${MULT_ALT})?(?<a2>余|多)?(?<unit>${UNIT_ALT})(?:/(?<per>${PER_ALT}))?`,
  "gu",
);
// A multiplier with no unit after it ("参保人数增加1753万", "产业集群达到2000亿级"): the unit is implied.
const BARE_MULTIPLE = new RegExp(
  `${NOT_AFTER_NUMBER}(?<n1>${NUM})(?<a1>余|多)?(?<mult>万亿|亿|万)(?<a2>余|多)?(?!${UNIT_ALT})`,
  "gu",
);
// "用2－3年时间", "受教育年限10.8年": years of duration, written as a range or with decimals (never a calendar year).
const DURATION = new RegExp(
  `${NOT_AFTER_NUMBER}(?<n1>\\d{1,2}(?:\\.\\d+)?)(?:\\s?${RANGE_SEP}\\s?(?<n2>\\d{1,2}(?:\\.\\d+)?))?年(?![度代级前底初末中])`,
  "gu",
);
// Chinese numerals: "两座", "四百多项", "四十多亿元", "千亿元". Not after an ordinal, 双, or another numeral.
const CHINESE_FIGURE = new RegExp(
  `(?<![第双两零〇一二三四五六七八九十百千万亿周每逐统唯之些几])(?<cn>[零〇一二两三四五六七八九十百千]+)(?<a1>余|多)?(?<mult>万亿|亿|万)?(?<a2>余|多)?(?<unit>${UNIT_ALT})?`,
  "gu",
);
const RANK = /(?<![A-Za-z0-9])第(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})(?<u>名|位(?!次))?/gu;
// The words that make "第N" a standing in a ranking ("居全国第5位", "排全省第7", "上升到第四位").
const RANK_BEFORE =
  /(?:排名|排位|排在|排|位列|位居|名列|跃居|跃升至?|升至|上升[到至]|进至|居于|居|列)[^，。；和的]{0,8}$|(?:全[国省市区县州]|世界|全球)$/u;

const CURRENCY = new Set(statWords.currencies);
const COUNTERS = new Set(statWords.counters);
const CHINESE_COUNTERS = new Set(statWords.chineseCounters);
const GENERIC_COUNTERS = new Set(["个", "条"]);
const MAKING_VERB_AT_START = new RegExp(`^(?:${alternation(statWords.makingVerbs)})(?=[\\s\\S]{2})`, "u");
const MAKING_VERB_BEFORE = new RegExp(`(?:${alternation(statWords.makingVerbs)})$`, "u");
const GROWTH_BEFORE = new RegExp(
  `(?:${alternation(statWords.growthVerbs)})(?:${alternation(statWords.growthLinks)})?(?:分别)?$`,
  "u",
);
// "提高到93%": the level reached; "增速提高到8%": a rate still.
const REACHED_BEFORE = new RegExp(
  `(?:${alternation(statWords.growthVerbs)})(?:${alternation(statWords.levelLinks)})$`,
  "u",
);
const RATE_WORDS = new RegExp(alternation(statWords.rateWords), "u");
// "…覆盖231.8万人，为28.8万名困难人员…": a preposition starts a new clause, a verb goes on.
const GOING_ON = new RegExp(
  `(?:${alternation([...statWords.goingOnVerbs, ...statWords.growthVerbs])})$`,
  "u",
);
const RATE_AT_END = new RegExp(`(?:${alternation(statWords.rateWords)})$`, "u");
const SHARE_WORDS = new RegExp(alternation(statWords.shareWords), "u");
const TARGET_WORDS = new RegExp(alternation(statWords.targetWords), "u");
const APPROX_BEFORE = new RegExp(`(?:${alternation(statWords.approxBefore)})$`, "u");
const APPROX_AFTER = new RegExp(`^(?:${alternation(statWords.approxAfter)})`, "u");
const AGE_WORDS = new RegExp(alternation(statWords.ageWords), "u");
const LIST_LEAD = new RegExp(`(?:${alternation(statWords.listLeads)})(?:国家|全国|省级?|中央|市级?)?$`, "u");
const NOT_AFTER_CHINESE_COUNT = new RegExp(`^(?:${alternation(statWords.notAfterChineseCount)})`, "u");
const PEOPLE_WORDS = new RegExp(alternation(statWords.peopleWords), "u");
const MONEY_WORDS = new RegExp(alternation(statWords.moneyWords), "u");
// "180万吨以上煤矿", "65岁及以上老年人": a measure before 以上 + noun names a class, not a quantity.
// A clause that goes on after 以上 (以上并逐年增加, 以上和…) keeps the figure.
const THRESHOLD_AFTER = /^(?:及|或)?(?:以上|以下|以内)的?(?![并且和与或同逐分为是要将已均])[\u4e00-\u9fff]/u;
// Delimiters that end the phrase a label is taken from.
const CLAUSE_DELIM = /[，。；：！？、,;:!?（）()“”\n]/u;
// A label's phrase runs over quotes and brackets: "完成“保交楼”2.91万套", "固定资产投资（不含农户）增长6%".
const PHRASE_DELIM = /[，。；：！？、,;:!?\n]/u;
// Endnote markers inside a phrase ("“个转企”（3）1400余户", "R&D[5]经费投入", "（下同）") point elsewhere.
const NOTE_MARKER = /[（(［[](?:\d{1,3}|下同)[）)］\]]/gu;
const CLAUSE_DELIM_CHARS = "，。；：！？、,;:!?（）()“”\n";
const SENTENCE_END_CHARS = "。！？；\n";
// "和美乡村", "对外直接投资": a lead word that begins a word of the label stays.
const KEPT_START = `(?!${alternation(statWords.keptStarts)})`;
const LABEL_TRIM_START = new RegExp(`^${KEPT_START}(?:${alternation(statWords.labelLeadWords)})+`, "u");
const LABEL_TRIM_END = new RegExp(`(?:${alternation(statWords.labelTailWords)})+$`, "u");
// "实施东西部协作项目", "力争完成投资": the verb or hedge goes, the noun it governs stays; a verb that
// opens a noun (服务业, 建成区) is no verb.
const OPENING_VERB = `(?:${alternation(statWords.labelFragmentStarts)})(?!${alternation(statWords.verbNouns)})`;
const LEAD_VERB = new RegExp(`^${KEPT_START}(?:${OPENING_VERB})+(?=[\\s\\S]{2})`, "u");
// "重大项目完成投资" → 重大项目投资: the verb between a project and its measure.
const INNER_VERB = new RegExp(
  `(?:${alternation(statWords.innerVerbs)})(?=(?:${alternation(statWords.measureHeads)})$)`,
  "u",
);
const CLAUSE_VERB = new RegExp(
  `(?:${alternation(statWords.clauseVerbs)})(?!${alternation(statWords.clauseVerbNouns)})`,
  "u",
);
const ITEM_VERB = new RegExp(alternation(statWords.innerVerbs), "u");
const NOT_INDICATOR = new RegExp(`^(?:${alternation(statWords.notIndicators)})$`, "u");
const PLACE_ONLY = new RegExp(`(?:${alternation(statWords.placeEnds)})$`, "u");
const BARE_VERB = new RegExp(`^(?:${alternation(statWords.bareVerbs)})$`, "u");

function parseNum(s: string): number {
  return Number(s.replace(/[,，]/gu, ""));
}

/** "1万6千" → 16000; a plain number as written. */
function parseNumX(s: string): number {
  const two = /^(.+?)(万|亿)(.+)(千|万)$/u.exec(s);
  if (!two) return parseNum(s);
  const [, hi, hiMult, lo, loMult] = two as unknown as [string, string, string, string, string];
  return parseNum(hi) * (MULTIPLIERS[hiMult] ?? 1) + parseNum(lo) * (MULTIPLIERS[loMult] ?? 1);
}

/** "四百" → 400, "两千三百" → 2300, "十" → 10; null for a run of digits that is no number ("三六八九"). */
export function parseChineseNumeral(s: string): number | null {
  let total = 0;
  let digit: number | null = null;
  let lastPlace = Number.POSITIVE_INFINITY;
  for (const c of s) {
    const place = CN_PLACES[c];
    if (place !== undefined) {
      // Places fall from left to right: "千千" (千千万万) is no number.
      if (place >= lastPlace) return null;
      lastPlace = place;
      total += (digit ?? 1) * place;
      digit = null;
    } else {
      if (digit !== null && digit !== 0) return null;
      digit = CN_DIGITS[c] ?? null;
      if (digit === null) return null;
    }
  }
  return total + (digit ?? 0);
}

function insideShortQuote(text: string, start: number, end: number): boolean {
  // Only a short window matters (a quoted name is at most 20 characters): keeps this O(1).
  const before = text.slice(Math.max(0, start - 20), start);
  const open = before.lastIndexOf("“");
  if (open < 0 || before.slice(open + 1).includes("”")) return false;
  const close = text.slice(end, end + 20).indexOf("”");
  return close >= 0 && before.length - open + (end - start) + close <= 20;
}

function clauseBefore(text: string, start: number): string {
  let i = start - 1;
  // Bounded look-back keeps long unpunctuated text linear.
  const stop = Math.max(-1, start - 40);
  while (i > stop && !CLAUSE_DELIM_CHARS.includes(text[i] as string)) i--;
  return text.slice(i + 1, start);
}

function clauseAfter(text: string, end: number): string {
  let j = end;
  while (j < text.length && j - end < 20 && !CLAUSE_DELIM_CHARS.includes(text[j] as string)) j++;
  return text.slice(end, j);
}

/** The words before a figure back to the last pause, quotes and brackets included, endnote markers out. */
function phraseBefore(text: string, start: number): string {
  return text.slice(phraseStart(text, start), start).replace(NOTE_MARKER, "");
}

function phraseStart(text: string, start: number): number {
  let i = start - 1;
  const stop = Math.max(-1, start - 40);
  while (i > stop && !PHRASE_DELIM.test(text[i] as string)) i--;
  return i + 1;
}

function sentenceBefore(text: string, start: number): string {
  let i = start - 1;
  const stop = Math.max(-1, start - 200);
  while (i > stop && !SENTENCE_END_CHARS.includes(text[i] as string)) i--;
  return text.slice(i + 1, start);
}

/** Why a match shaped like a figure is a name, a code, a time, a class or a bracket instead. */
function isNotFigure(text: string, start: number, end: number, unit: string): boolean {
  const prev = text.slice(Math.max(0, start - 2), start);
  const next = text.slice(end, end + 8);
  // Ordinals (第3批) and model codes glued to letters and digits (608所AES100) are not figures.
  if (prev.endsWith("第")) return true;
  if (/^[A-Za-z]+\d/u.test(next)) return true;
  // "10万吨级航道": a class, not a quantity; "2000亿元级产业集群" is a scale in money.
  if (/^[级型]/u.test(next) && !CURRENCY.has(unit)) return true;
  // "15分钟生活圈", "300米见绿": distances and times naming a programme.
  if (/^(?:分钟|公里|米|小时)$/u.test(unit) && /^[^，。；、,;]{0,8}圈/u.test(next)) return true;
  if (insideShortQuote(text, start, end)) return true;
  // Clock times ("9时30分") and round-the-clock service names ("24小时不打烊").
  if (unit === "分" && /[时点:：]$/u.test(prev)) return true;
  if ((unit === "小时" || unit === "分钟") && /^(?:不打烊|自助|营业|值守|值班|在线|全天候|无休)/u.test(next))
    return true;
  // "65岁及以上老年人", "满3岁即入园": an age is a bracket unless it measures a lifetime or an age.
  if (unit === "岁" && !AGE_WORDS.test(clauseBefore(text, start))) return true;
  if (!COUNTERS.has(unit) && unit !== "%" && THRESHOLD_AFTER.test(next)) return true;
  // "纳入国家102项重大工程": the number is part of the list's name.
  return LIST_LEAD.test(text.slice(Math.max(0, start - 8), start));
}

/** The unit a figure written with a multiplier alone stands for, or null when the words around do not say. */
function impliedUnit(
  text: string,
  start: number,
  end: number,
  mult: string,
  byStart: ReadonlyMap<number, FoundStat>,
): string | null {
  // "1409万、1305万人次": a list shares the unit of its last figure.
  const sibling = /^[、和与及]/u.test(text[end] ?? "") ? byStart.get(end + 1) : undefined;
  if (sibling) return sibling.unit;
  const money = mult !== "万" || text[end] === "级";
  for (const near of [clauseBefore(text, start) + clauseAfter(text, end), sentenceBefore(text, start)]) {
    const isMoney = money && MONEY_WORDS.test(near);
    const isPeople = PEOPLE_WORDS.test(near);
    if (isMoney !== isPeople) return isMoney ? "元" : "人";
    if (isMoney) return null;
  }
  return null;
}

/** A figure at text[start, end) in `unit`; its kind is the one the unit as written implies. */
function statOf(
  text: string,
  start: number,
  end: number,
  value: number,
  unit: string,
  written = unit,
): FoundStat {
  return {
    text: text.slice(start, end),
    start,
    value: roundValue(value),
    unit,
    kind: (UNIT_KIND.get(written) ?? "count") as StatKind,
    label: null,
  };
}

function unitFigures(text: string): FoundStat[] {
  const found: FoundStat[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const g = m.groups as Record<string, string | undefined>;
    const start = m.index;
    const end = start + m[0].length;
    const unit = g.unit as string;
    if (isNotFigure(text, start, end, unit)) continue;
    // A year range or date ("2021-2025年", "3月5日至") never reaches here: 年/月/日 are not units.
    const mult = g.mult ? (MULTIPLIERS[g.mult] ?? 1) : 1;
    const firstMult = g.m1 ? (MULTIPLIERS[g.m1] ?? 1) : mult;
    const base = UNIT_BASE.get(unit) ?? unit;
    const stat = statOf(
      text,
      start,
      end,
      parseNumX(g.n1 as string) * firstMult,
      g.per ? `${base}/${g.per}` : base,
      unit,
    );
    if (g.n2) {
      stat.valueMax = roundValue(parseNumX(g.n2) * mult);
      stat.kind = "range";
    }
    if (g.a1 || g.a2) stat.approx = true;
    found.push(stat);
  }
  return found;
}

function bareMultipleFigures(text: string, withUnits: ReadonlyMap<number, FoundStat>): FoundStat[] {
  const found: FoundStat[] = [];
  BARE_MULTIPLE.lastIndex = 0;
  for (let m = BARE_MULTIPLE.exec(text); m; m = BARE_MULTIPLE.exec(text)) {
    const g = m.groups as Record<string, string>;
    const end = m.index + m[0].length;
    const unit = impliedUnit(text, m.index, end, g.mult as string, withUnits);
    if (!unit || isNotFigure(text, m.index, end, unit)) continue;
    const stat = statOf(
      text,
      m.index,
      end,
      parseNum(g.n1 as string) * (MULTIPLIERS[g.mult as string] ?? 1),
      unit,
    );
    if (g.a1 || g.a2) stat.approx = true;
    found.push(stat);
  }
  return found;
}

function durationFigures(text: string): FoundStat[] {
  const found: FoundStat[] = [];
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(text); m; m = DURATION.exec(text)) {
    const g = m.groups as Record<string, string | undefined>;
    if (!g.n2 && !g.n1?.includes(".")) continue;
    const end = m.index + m[0].length;
    if (isNotFigure(text, m.index, end, "年")) continue;
    const stat = statOf(text, m.index, end, Number(g.n1), "年");
    if (g.n2) {
      stat.valueMax = Number(g.n2);
      stat.kind = "range";
    }
    found.push(stat);
  }
  return found;
}

function chineseFigures(text: string, withUnits: ReadonlyMap<number, FoundStat>): FoundStat[] {
  const found: FoundStat[] = [];
  CHINESE_FIGURE.lastIndex = 0;
  for (let m = CHINESE_FIGURE.exec(text); m; m = CHINESE_FIGURE.exec(text)) {
    const g = m.groups as Record<string, string | undefined>;
    const cn = g.cn as string;
    const number = parseChineseNumeral(cn);
    if (number === null || number === 0) continue;
    const end = m.index + m[0].length;
    const approx = Boolean(g.a1 || g.a2);
    const large = /[百千]/u.test(cn) || approx || g.mult !== undefined;
    let unit = g.unit ? (UNIT_BASE.get(g.unit) ?? g.unit) : undefined;
    if (large) {
      // "千家万户", "百村": a bare place word is a figure only with a multiplier or 余/多 (千亿元, 百余家).
      // "百亿项目", "千亿县": a place word with a multiplier measures money or a quantity, never counts things.
      const placeOnly = /^[十百千]$/u.test(cn);
      if (placeOnly && !g.mult && !approx) continue;
      if (placeOnly && unit && COUNTERS.has(unit)) continue;
      if (!unit && g.mult) {
        const implied = impliedUnit(text, m.index, end, g.mult, withUnits);
        // "千万市民群众" is a manner of speaking; only money is implied by a bare place word.
        if (implied && (!placeOnly || CURRENCY.has(implied))) unit = implied;
      }
    } else {
      // A small count ("两座", "四所") counts things, never a slogan ("四个方面", "三个代表"); 个 and 条
      // count things only as what a verb makes ("打造十个特色农产品示范区", not "两个大局").
      const before = text.slice(Math.max(0, m.index - 2), m.index);
      if (cn === "一" || cn === "二" || !unit) continue;
      if (
        !CHINESE_COUNTERS.has(unit) &&
        !(GENERIC_COUNTERS.has(unit) && MAKING_VERB_BEFORE.test(text.slice(0, m.index)))
      )
        continue;
      // After a glossary number ("25.两所共建") or a demonstrative, it names something.
      if (/(?:以下|如下|下列|[这那前后各每的届\d.．])$/u.test(before)) continue;
      // "二次、三次、四次全会": a run of ordinals, not counts.
      if (/[、和]$/u.test(before) || /^、[零〇一二两三四五六七八九十]/u.test(text.slice(end, end + 2)))
        continue;
      // "三个“一号工程”": a count of a quoted slogan.
      if (NOT_AFTER_CHINESE_COUNT.test(text.slice(end, end + 4)) || text[end] === "“") continue;
    }
    if (!unit || isNotFigure(text, m.index, end, unit)) continue;
    const stat = statOf(text, m.index, end, number * (g.mult ? (MULTIPLIERS[g.mult] ?? 1) : 1), unit);
    if (approx) stat.approx = true;
    found.push(stat);
  }
  return found;
}

function rankFigures(text: string): FoundStat[] {
  const found: FoundStat[] = [];
  RANK.lastIndex = 0;
  for (let m = RANK.exec(text); m; m = RANK.exec(text)) {
    const g = m.groups as Record<string, string | undefined>;
    const end = m.index + m[0].length;
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const after = text[end] ?? "";
    // "第23届运动会", "第3次会议": ordinals of events, not ranks.
    if (g.u === undefined && /^[届次批轮期个季代号条款章节部项名位]/u.test(after)) continue;
    const digits = /^\d/u.test(g.n as string);
    const inRanking = RANK_BEFORE.test(before);
    // "把…放在第一位": a Chinese ordinal is a rank only in a ranking; a bare "第5" only before a pause.
    if (!(digits && g.u) && !inRanking) continue;
    if (g.u === undefined && /^[\u4e00-\u9fff]/u.test(after)) continue;
    const value = digits ? Number(g.n) : parseChineseNumeral(g.n as string);
    if (!value) continue;
    // "第2位" is counted in 位, "排名第5" in 名.
    const unit = g.u ?? (/排名[^，。；]{0,8}$/u.test(before) ? "名" : "位");
    found.push({ text: m[0], start: m.index, value, unit, kind: "rank", label: null });
  }
  return found;
}

/**
 * Figures sorted by position; where two overlap the one found first (a fuller reading) wins. The
 * characters taken are marked, so a block with thousands of figures stays linear.
 */
function withoutOverlaps(length: number, groups: FoundStat[][]): FoundStat[] {
  // Most blocks hold figures with units only: nothing to resolve.
  if (groups.slice(1).every((g) => g.length === 0)) return groups[0] ?? [];
  const taken = new Uint8Array(length);
  const kept: FoundStat[] = [];
  for (const group of groups) {
    for (const s of group) {
      const end = s.start + s.text.length;
      if (taken.subarray(s.start, end).includes(1)) continue;
      taken.fill(1, s.start, end);
      kept.push(s);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Kind, target and approximation cues from the words around a figure. */
function readCues(text: string, s: FoundStat): void {
  const sentence = sentenceBefore(text, s.start);
  const clause = clauseBefore(text, s.start);
  const next = text.slice(s.start + s.text.length, s.start + s.text.length + 8);
  if (APPROX_BEFORE.test(clause) || APPROX_AFTER.test(next)) s.approx = true;
  if (
    s.kind !== "range" &&
    (s.unit === "%" || s.unit === "‰" || s.unit === "个百分点" || s.unit === "百分点")
  ) {
    const words = clause.replace(/\s+/gu, "");
    if (GROWTH_BEFORE.test(words) || (REACHED_BEFORE.test(words) && RATE_WORDS.test(words)))
      s.kind = "growth";
    else if (SHARE_WORDS.test(clause)) s.kind = "share";
  } else if (s.kind !== "range" && s.kind !== "rank" && CURRENCY.has(s.unit)) s.kind = "amount";
  if (TARGET_WORDS.test(sentence)) s.target = true;
}

const REPLACEMENT = "\uFFFD";

export function findStats(text: string): FoundStat[] {
  if (!/[\d零〇一二两三四五六七八九十百千]/u.test(text)) return [];
  const withUnits = unitFigures(text);
  const byStart = new Map(withUnits.map((f) => [f.start, f]));
  const found = withoutOverlaps(text.length, [
    withUnits,
    durationFigures(text),
    bareMultipleFigures(text, byStart),
    chineseFigures(text, byStart),
    rankFigures(text),
  ]).filter(
    // A figure touching U+FFFD lost a character of its own ("增长1�5%" is not 5%): a wrong
    // number is worse than none.
    (s) => text[s.start - 1] !== REPLACEMENT && text[s.start + s.text.length] !== REPLACEMENT,
  );
  for (const s of found) if (s.kind !== "rank") readCues(text, s);
  // "分别增长25%和10%": a figure listed after another in the same unit is read the same way.
  found.forEach((s, k) => {
    const prev = found[k - 1];
    const joined = prev && /^[、和及与]$/u.test(text.slice(prev.start + prev.text.length, s.start));
    if (
      joined &&
      prev.unit === s.unit &&
      (prev.kind === "growth" || prev.kind === "share") &&
      s.kind === "percent"
    )
      s.kind = prev.kind;
  });
  assignLabels(text, found);
  return found;
}

// Names that carry digits without being a figure (PM2.5, 5G, R&D) and a leading year (2021年生产总值).
const DIGITS_IN_NAMES = /[A-Za-z]+_?\d+(?:\.\d+)?|\d+[A-Za-z]+|^\d{4}年度?/gu;
const LABEL_CUT_START = new RegExp(
  `^${KEPT_START}(?:(?:${alternation(statWords.labelCutStarts)})(?!${alternation(statWords.verbNouns)})|${OPENING_VERB})`,
  "u",
);
const LABEL_CUT_END = new RegExp(
  `(?:${alternation([...statWords.labelCutEnds, ...statWords.labelTailWords, ...statWords.labelEndVerbs])})$`,
  "u",
);
// "技师学院均": a 均 ("each") left over from the clause; 人均, 年均, 平均 are the measure's own.
const LOOSE_AVERAGE = /(?<![人年日月户亩平])均$/u;
/** Longer than any indicator's name: the words before a figure ran over more than its subject. */
const LONGEST_LABEL = 26;

// A figure inside the words before another figure ("生产总值从4.16万亿元增长到").
const LABEL_FIGURE = new RegExp(
  `(?:(?:从|由)(?:上年的?|去年的?)?)?(?<![A-Za-z0-9.])[\\d０-９][\\d０-９.．,，]*(?:${MULT_ALT})*(?!伏)(?:余|多)?(?:千伏|${UNIT_ALT}|年)?(?![A-Za-z])`,
  "u",
);
// "粮食总产量应该有七千二百亿斤(到七千五百亿斤)": a neighbour written in Chinese numerals.
const CHINESE_FIGURE_AT_END = new RegExp(
  `[零〇一二两三四五六七八九十百千]{2,}(?:${MULT_ALT})*(?:${UNIT_ALT})$`,
  "u",
);
const LABEL_FIGURE_AT_END = new RegExp(
  `[\\d０-９](?:${MULT_ALT})*(?:余|多)?(?:${UNIT_ALT})(?:以上|以下)?的?$`,
  "u",
);
// "比上年", "较2019年", "比前五年": a comparison, after the subject.
const COMPARISON =
  /(?:比|较|由|从)(?:上年|去年|上年同期|同期|年初|疫情前|前[三五十]年|[\d０-９]{4}年末?|“[^”]{1,8}”(?:末|期末|时期)?)/u;
// "增速居全国", "总量和增速均排全省": the ranking words before 第N, and the scope ranked in.
const RANK_WORDS =
  /(?:均|分别|连续[\d０-９]+年|稳|再)?(?:排名|排位|排在|排|位列|位居|名列|跃居|跃升至?|升至|上升[到至为]|提升[到至]|进至|居于|居|列)?(?<scope>全[国省市区县州]|世界|全球)?(?:同类城市|地级市|县市)?(?:的)?$/u;
const INVESTMENT = /^(?:总投资|投资|投入)$/u;
const SHARE_OF_WHOLE = /占(?:全[国省市区县州]|全球|世界)$/u;
const GENERIC_MEASURES = /^(?:增速|增幅|总量|体量|规模|总量和增速|增速和总量|总量和增幅)$/u;

/**
 * Why a label is no indicator but a piece of its sentence, or null when it names what is measured:
 * it holds a neighbour's number ("由上年的1.2%"), opens or stops on a verb or a preposition
 * ("比上年", "社会消费品零售总额增"), or is a verb alone ("完成", "达到").
 */
export function labelFault(label: string | null): string | null {
  if (label === null) return null;
  return remembered(faultOf, label, faultOfLabel);
}

/**
 * Pure and asked again and again for the same short phrases (every figure of every report): the
 * answers are remembered, up to a bound so a long-running dev server does not grow without end.
 */
function remembered<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= 50_000) memo.clear();
  const value = compute(key);
  memo.set(key, value);
  return value;
}

const faultOf = new Map<string, string | null>();
const cleaned = new Map<string, string>();

function faultOfLabel(label: string): string | null {
  if (label.length < 2) return "is one character";
  if (label.length > LONGEST_LABEL) return "is too long to name an indicator";
  if (NOT_INDICATOR.test(label)) return "names no indicator";
  if (/[\d０-９]/u.test(label.replace(DIGITS_IN_NAMES, "")) || CHINESE_FIGURE_AT_END.test(label))
    return "holds another number";
  if (LABEL_CUT_START.test(label) && !BARE_VERB.test(label)) return "opens mid-sentence";
  if (BARE_VERB.test(label) || (LABEL_TRIM_END.test(label) && cleanLabel(label).length < 2))
    return "is a verb";
  // "银行金融机构累计向": 向 before what is reached; 方向, 意向, 导向 are nouns.
  if (
    LABEL_CUT_END.test(label) ||
    unbalanced(label) ||
    LOOSE_AVERAGE.test(label) ||
    /(?<![方意导走去取])向$/u.test(label)
  )
    return "stops mid-sentence";
  // "村新打了深水井", "我们要重点把握好": an aspect particle or a speaker makes it a clause.
  if (label.includes("了") || label.includes("我们")) return "is a clause";
  return null;
}

/** "县（市", "“两品一标": a bracket or quote opened and not closed. */
function unbalanced(label: string): boolean {
  const count = (re: RegExp) => (label.match(re) ?? []).length;
  return count(/[（(]/gu) !== count(/[）)]/gu) || count(/“/gu) !== count(/”/gu);
}

function cleanLabel(raw: string): string {
  return remembered(cleaned, raw, cleanLabelOnce);
}

function cleanLabelOnce(raw: string): string {
  // "⑨完成县城区": the number of an item in a list of works.
  let s = raw.replace(/\s+/gu, "").replace(/^[①-⑳]/u, "");
  for (let k = 0; k < 3; k++) {
    const before = s;
    s = s
      .replace(LABEL_TRIM_END, "")
      .replace(LOOSE_AVERAGE, "")
      .replace(LABEL_TRIM_START, "")
      .replace(LEAD_VERB, "");
    if (s === before) break;
  }
  s = s.replace(/^[的等]/u, "").replace(INNER_VERB, "");
  // "提请市人大常委会审议地方性法规草案": the clause before the verb goes, what it acts on stays.
  const acted = CLAUSE_VERB.exec(s);
  return acted && s.length - acted.index - acted[0].length >= 4 ? s.slice(acted.index + acted[0].length) : s;
}

// Where the noun after a figure ends: the verb of its clause ("49家三级公立医院在…", "7个项目纳入…").
const NOUN_AFTER_END = new RegExp(`(?:${alternation(statWords.nounAfterEnds)}).*$`, "u");

function nounAfter(text: string, end: number): string {
  let j = end;
  // A digit starts the next figure ("发放社保补贴2368万元"): the noun stops before it.
  while (
    j < text.length &&
    j - end < 16 &&
    !PHRASE_DELIM.test(text[j] as string) &&
    !/[\d０-９]/u.test(text[j] as string)
  )
    j++;
  const words = text.slice(end, j).replace(/^(?:以上|左右|的|之多)/u, "");
  const noun = words.replace(NOUN_AFTER_END, "");
  // A noun still running at the window's end, with no verb that ends it, would be cut mid-word.
  if (noun === words && j - end >= 16 && /[\u4e00-\u9fff]/u.test(text[j] ?? "")) return "";
  // "10名教师导师每人负责培养3名教师": words running on to the next figure with no verb known to end
  // the noun are a clause, unless they list things ("芙蓉学校和100所").
  if (noun === words && /[\d０-９]/u.test(text[j] ?? "") && !/[和及与等]$/u.test(words)) return "";
  return cleanLabel(noun.replace(/[和及与等]$/u, ""));
}

function roundValue(v: number): number {
  // 3.44 * 1e8 is 344000000.00000006 in binary floating point.
  return Number.parseFloat(v.toPrecision(12));
}

function assignLabels(text: string, stats: FoundStat[]): void {
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i] as FoundStat;
    if (s.label === null) {
      const run = respectivelyRun(text, stats, i);
      if (run) {
        i += run.length - 1;
        continue;
      }
      s.label = s.kind === "rank" ? rankLabel(text, stats, i) : labelOf(text, stats, i);
      // "比上年增长8.2%": words that name nothing are kept aside for the editor's check.
      const words = phraseBefore(text, s.start).replace(/\s+/gu, "");
      if (s.label === null && labelFault(words)) s.labelFragment = words;
    }
    rejectFragment(text, s);
  }
}

/**
 * A label that is a piece of its sentence is kept aside, not shown as what the figure measures; the
 * noun after the figure stands in when it names something ("中央财政安排1000亿元专项奖补资金").
 */
function rejectFragment(text: string, s: FoundStat): void {
  if (s.label === null || !labelFault(s.label)) return;
  const noun = nounAfter(text, s.start + s.text.length);
  s.labelFragment = s.label;
  s.label = noun.length >= 2 && !labelFault(noun) ? noun : null;
}

/** The previous figure's label when it stands in the same sentence: "森林覆盖率达68.17%，排全省第2位". */
function labelInSentence(text: string, stats: FoundStat[], i: number): string | null {
  const prev = stats[i - 1];
  const s = stats[i] as FoundStat;
  if (!prev?.label) return null;
  const between = text.slice(prev.start + prev.text.length, s.start);
  return between.length <= 30 && !/[。！？；]/u.test(between) ? prev.label : null;
}

function labelOf(text: string, stats: FoundStat[], i: number): string | null {
  const s = stats[i] as FoundStat;
  const end = s.start + s.text.length;
  const clause = listPhraseBefore(text, stats, i);
  // "比上年增长5%", "较2019年下降": the subject was named before the comparison, or in the clause before.
  const compared = clause.search(COMPARISON);
  let label = labelFromPhrase(compared >= 0 ? clause.slice(0, compared) : clause);
  // "年人均增加2400元", "同口径增长5.6%": words that name no indicator; the subject is looked for elsewhere.
  if (NOT_INDICATOR.test(label)) label = "";
  if (compared >= 0 && label.length < 2) label = labelInSentence(text, stats, i) ?? "";
  if ((s.kind === "growth" || s.kind === "share") && label.length < 2) {
    const prev = labelInSentence(text, stats, i);
    const measure = s.kind === "growth" ? "增速" : "占比";
    if (prev) label = prev.endsWith(measure) ? prev : prev + measure;
  }
  // "核电装机规模占全国5%": the share of the whole.
  if (SHARE_OF_WHOLE.test(label)) label += "比重";
  // "新增城镇就业6.1万人、占全区31.8%": the share of what the figure before measured.
  if (label.startsWith("占")) {
    const prev = labelInSentence(text, stats, i);
    if (prev) label = prev.includes(label) ? prev : prev.replace(RATE_AT_END, "") + label;
  }
  // "98%的居民喝上丹江水": a figure followed by 的 names its own noun, whatever the figure before measured.
  if (label.length < 2 && text[end] === "的") label = nounAfter(text, end);
  // "城区23条主干道", "建成101所芙蓉学校、100所“徐特立项目”学校", "投资1.2亿元完成16个老旧小区
  // 环境综合整治", "县医院、中医院、疾控中心3个核酸实验室": a count's noun after it is what is counted
  // when the words before name none, only a place, a neighbour's subject or the last of a list.
  const from = phraseStart(text, s.start);
  const prev = stats[i - 1];
  const listed = text[from - 1] === "、" && (!prev || prev.start + prev.text.length !== from - 1);
  if (
    COUNTERS.has(s.unit) &&
    // "做大2个优势产业", "振兴107个重点县域特色产业集群": two characters before a count are its verb
    // (a making verb keeps its noun below: 新设2个岐黄中医学院).
    ((label.length <= 2 && !BARE_VERB.test(label)) ||
      PLACE_ONLY.test(label) ||
      LABEL_FIGURE.test(clause) ||
      listed)
  ) {
    const noun = nounAfter(text, end);
    if (noun.length >= 2 && !labelFault(noun)) label = noun;
  }
  // "新建绿道137公里、累计达到2136公里": a second figure in the same unit measures the same thing.
  // "新建5G基站2868座、总数突破1万座": the second says more than the first's making verb.
  // "16公里自来水主管网复线、68公里二级和三级管网改造": figures each followed by their own noun.
  const before = stats[i - 1];
  if (label.length < 2 && before?.unit === s.unit) {
    const prev = labelInSentence(text, stats, i);
    const own = nounAfter(text, end);
    if (prev && prev === nounAfter(text, before.start + before.text.length) && own.length >= 2) label = own;
    else if (prev) label = clause.trim() ? prev.replace(MAKING_VERB_AT_START, "") : prev;
  }
  // "新设8所本科院校", "有色等10个传统产业", "总投资280亿元的15个项目": the measured noun follows the figure.
  // "新建（改建）100个口袋公园": a verb with its variant in brackets is still a verb alone.
  const bareVerb = BARE_VERB.test(label.replace(/（[^）]*）/gu, ""));
  if (label.length < 2 || bareVerb || /[等和及与]$/u.test(label) || endsWithFigure(clause)) {
    const noun = nounAfter(text, end);
    if (noun.length >= 2) label = bareVerb ? cleanLabel(label + noun) : noun;
    else if (label.length >= 2) label = label.replace(/[等和及与]$/u, "");
  }
  // "投资1.27亿元的公路客运总站": what the money is invested in; "107国道工程和总投资4.7亿元的…
  // 工程": the investment of the next project, not of the one before 和.
  if (text[end] === "的") label = label.replace(/^.+[和及与](?=(?:总投资|投资|投入)$)/u, "");
  if (INVESTMENT.test(label) && text[end] === "的") {
    const noun = nounAfter(text, end);
    if (noun.length >= 2) label = noun + label;
  }
  if (label.length < 2) label = subjectGoingOn(text, stats, i, clause) ?? label;
  return label.length >= 2 ? label : null;
}

/**
 * The words before a figure, over a list they close: "科技、教育、文化等方面的支出1168亿元" and
 * "拆除清理广告、塔牌2.44万处" are one subject each, not 文化等方面的支出 or 塔牌. A list of figures
 * ("企业70家、科技型中小企业300家") is no such list, nor a clause of its own ("…、新建绿道137公里").
 */
function listPhraseBefore(text: string, stats: FoundStat[], i: number): string {
  const s = stats[i] as FoundStat;
  const phrase = phraseBefore(text, s.start);
  const named = cleanLabel(phrase);
  const closes =
    named.length >= 2 && (/[等的]/u.test(phrase) || (named.length <= 8 && phrase.startsWith(named)));
  if (!closes || MAKING_VERB_AT_START.test(phrase)) return phrase;
  const prev = stats[i - 1];
  const prevEnd = prev ? prev.start + prev.text.length : -1;
  let from = phraseStart(text, s.start);
  while (text[from - 1] === "、" && prevEnd !== from - 1 && s.start - from < 40) {
    const itemStart = phraseStart(text, from - 1);
    const item = text.slice(itemStart, from - 1);
    // "山船重工160万吨造船、黄骅综合港区等": a list of projects with their figures, not of names.
    if (/[\d０-９]/u.test(item.replace(/^[\d０-９]{4}年/u, ""))) break;
    // "粮食面积总产单产实现“三增”、总产": an item with a verb of its own is a clause; a verb that
    // opens the list ("发放城乡低保金、…等资金") is trimmed from the label.
    if (ITEM_VERB.test(cleanLabel(item))) break;
    from = itemStart;
  }
  return text.slice(from, s.start).replace(NOTE_MARKER, "");
}

/**
 * "社会消费品零售总额增长14%，达到126亿元", "财政收入达到5.13万亿元，增长1.71倍": a verb alone right
 * after the figure before goes on with that figure's subject.
 */
function subjectGoingOn(text: string, stats: FoundStat[], i: number, phrase: string): string | null {
  const prev = stats[i - 1];
  const s = stats[i] as FoundStat;
  // "A和B年均递增27.7%，分别达到439亿元、36亿元": two subjects, neither the figure's alone.
  if (!prev?.label || cleanLabel(phrase) !== "" || !GOING_ON.test(phrase) || phrase.includes("分别"))
    return null;
  const between = text.slice(prev.start + prev.text.length, s.start);
  if (!/^[，、,]$/u.test(between.slice(0, between.length - phrase.length))) return null;
  return prev.label.replace(RATE_AT_END, "");
}

/**
 * The indicator in the words before a figure. Another figure inside them is a neighbour, not part of
 * the name: "全员劳动生产率从人均8.7万元" → 全员劳动生产率, "投资13.5亿元完成装机容量" → 装机容量.
 */
function labelFromPhrase(written: string): string {
  // A year opening the phrase dates the figure (2021年生产总值): it stays.
  const year = /^\s*[\d０-９]{4}年度?/u.exec(written)?.[0] ?? "";
  const phrase = written.slice(year.length);
  const label = labelWithoutNeighbours(phrase);
  return label && year ? year.trim() + label : label;
}

function labelWithoutNeighbours(phrase: string): string {
  const pieces = phrase.split(LABEL_FIGURE);
  if (pieces.length === 1) return cleanLabel(phrase);
  const after = cleanLabel(pieces.at(-1) as string);
  if (after.length >= 2 && !labelFault(after)) return after;
  return cleanLabel(pieces[0] as string);
}

/** "抓好总投资280亿元的", "引进2个50亿元以上": the phrase ends on a figure, so its noun comes after. */
function endsWithFigure(clause: string): boolean {
  return /[\d０-９][^，。；]{0,4}(?:以上|以下)?的?$/u.test(clause) && LABEL_FIGURE_AT_END.test(clause);
}

/** "居全省第3位": what is ranked, named before the ranking words or by the figure before. */
function rankLabel(text: string, stats: FoundStat[], i: number): string | null {
  const clause = phraseBefore(text, (stats[i] as FoundStat).start);
  const ranking = RANK_WORDS.exec(clause);
  const scope = ranking?.groups?.scope ?? "";
  // "从世界第六位上升到第四位": the rank it rose from is no part of the name.
  let subject = labelFromPhrase(
    (ranking ? clause.slice(0, ranking.index) : clause).replace(/(?:从|由).*$/u, ""),
  );
  if (subject.length < 2 || GENERIC_MEASURES.test(subject)) {
    // "年均增长10.6%，从世界第六位上升到第四位": the thing ranked, not its growth or its last rank.
    const prev = labelInSentence(text, stats, i)?.replace(
      /(?:(?:全[国省市区县州]|世界|全球)?位次|增速)$/u,
      "",
    );
    if (!prev) return subject.length >= 2 && !GENERIC_MEASURES.test(subject) ? subject : null;
    subject = subject.length >= 2 ? prev + subject : prev;
  }
  return `${subject}${scope}位次`;
}

/**
 * "A、B分别突破200家、100家": the i-th subject labels the i-th figure. "城镇和农村居民人均可支配收入"
 * names two indicators that share their head, so 城镇 reads 城镇居民人均可支配收入. Returns the run
 * labelled, or null when the clause says no 分别.
 */
function respectivelyRun(text: string, stats: FoundStat[], i: number): FoundStat[] | null {
  const s = stats[i] as FoundStat;
  const clause = clauseBefore(text, s.start);
  const respectively = /^(.*?)分别/u.exec(clause);
  if (!respectively) return null;
  const run = [s];
  for (let j = i + 1; j < stats.length; j++) {
    const prev = run[run.length - 1] as FoundStat;
    const gap = text.slice(prev.start + prev.text.length, (stats[j] as FoundStat).start);
    if (!/^(?:[、和及与，,]|以上、|左右、)$/u.test(gap)) break;
    run.push(stats[j] as FoundStat);
  }
  const subjStart = Math.max(0, s.start - clause.length);
  // "旅游综合收入较疫情前分别增长": the comparison is no part of the subject.
  const words = respectively[1] as string;
  const compared = words.search(COMPARISON);
  const subject = sentenceSubject(text, subjStart, compared > 0 ? words.slice(0, compared) : words);
  // "食品、林木加工和家居、医药分别增长": 和 may join the words of one name.
  const [names, listed] = [/[、和及与]/u, /、/u].map((joiner) =>
    sharedHeads(
      subject
        .split(joiner)
        .map(cleanLabel)
        .filter((x) => x.length >= 1),
    ).filter((x) => x.length >= 2),
  ) as [string[], string[]];
  const whole = cleanLabel(subject);
  // "接待游客3.23亿人次、游客花费3700亿元，分别增长8%、8.4%": the figures before name the subjects.
  if (whole.length < 2) return respectivelyOfFigures(text, stats, i, run);
  // "存贷款余额分别增长9.9%、12.8%": one name that holds two indicators (stat-words.json pairedNames).
  const paired = run.length === 2 && !/[、和及与]/u.test(whole) ? pairedNames(whole) : null;
  const listedNames = paired ?? [names, listed].find((list) => list.length === run.length);
  // Fewer names than figures ("城乡低保标准分别提高8%、15%"): the one subject labels them all. Names
  // that do not pair with the figures label none: the last name is not every figure's.
  const labels =
    listedNames ??
    (!/[、和及与]/u.test(whole) && whole.length >= 2 ? run.map(() => whole) : run.map(() => null));
  run.forEach((r, k) => {
    r.label = labels[k] ?? null;
    rejectFragment(text, r);
  });
  return run;
}

/** "金融机构人民币存贷款余额" → 金融机构人民币存款余额, 金融机构人民币贷款余额. */
function pairedNames(name: string): string[] | null {
  for (const [both, [first, second]] of Object.entries(statWords.pairedNames) as [string, string[]][]) {
    const at = name.indexOf(both);
    if (at >= 0 && first && second)
      return [first, second].map((one) => name.slice(0, at) + one + name.slice(at + both.length));
  }
  return null;
}

/**
 * "引进内资320亿元，引进人才3.7万名，签订经济技术合作项目4100项，分别增长27.7%、12.8%和7.4%": nothing
 * named before 分别, so the figures just before, in the same sentence, name the subjects one for one.
 * Returns null (each figure labelled on its own) when they do not pair.
 */
function respectivelyOfFigures(
  text: string,
  stats: FoundStat[],
  i: number,
  run: FoundStat[],
): FoundStat[] | null {
  const first = stats[i] as FoundStat;
  const named = stats.slice(Math.max(0, i - run.length), i);
  if (run.length < 2 || named.length !== run.length || run.some((r) => r.kind !== "growth")) return null;
  const from = named[0] as FoundStat;
  if (/[。！？；\n]/u.test(text.slice(from.start, first.start))) return null;
  // The named figures are levels each with their own subject, not a run of growth rates.
  const labels = named.map((n) => (n.kind === "growth" ? null : n.label?.replace(RATE_AT_END, "")));
  if (labels.some((l) => !l) || new Set(labels).size !== labels.length) return null;
  // Each of the named figures follows the one before by a clause or a list item, not a 分别 run of its own.
  for (let k = 1; k < named.length; k++) {
    const gap = text.slice(
      (named[k - 1] as FoundStat).start + (named[k - 1] as FoundStat).text.length,
      (named[k] as FoundStat).start,
    );
    if (!/^[，、,]/u.test(gap)) return null;
  }
  run.forEach((r, k) => {
    const name = labels[k] as string;
    r.label = `${name}增速`;
    rejectFragment(text, r);
  });
  return run;
}

/** "城镇、农村居民人均可支配收入" → 城镇居民人均可支配收入, 农村居民人均可支配收入: short qualifiers take the last name's head. */
function sharedHeads(names: string[]): string[] {
  const last = names.at(-1);
  if (!last) return names;
  return names.map((name, k) => {
    const qualifier = k < names.length - 1 && /^(?:[\u4e00-\u9fff]{1,2}|[A-Za-z0-9.]+)$/u.test(name);
    const head = last.slice(name.length);
    return qualifier && head.length >= 2 && /[\u4e00-\u9fff]/u.test(last.slice(0, name.length))
      ? name + head
      : name;
  });
}

/** The subject of a "…分别…" clause may begin before the clause (after a comma). */
function sentenceSubject(text: string, clauseStart: number, inClause: string): string {
  if (cleanLabel(inClause).length >= 2) {
    // Include list items joined by "、" that the clause split off.
    let i = clauseStart - 1;
    let subject = inClause;
    while (i >= 0 && text[i] === "、") {
      let k = i - 1;
      while (k >= 0 && !CLAUSE_DELIM.test(text[k] as string)) k--;
      const item = text.slice(k + 1, i);
      // "收入增长17.5%、城乡居民人均可支配收入分别增长": the item before is a figure of its own.
      if (/[\d０-９]/u.test(item)) break;
      subject = `${item}、${subject}`;
      i = k;
    }
    return subject;
  }
  return inClause;
}
