// Stage 8: statistics in a block's text. A figure is digits + optional multiplier
// (万/亿…) + a unit from lexicon/units.json. Dates, slogans with numbers, line and grade
// numbers, codes and quoted programme names are not statistics.
import statWords from "./lexicon/stat-words.json" with { type: "json" };
import unitLexicon from "./lexicon/units.json" with { type: "json" };
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

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
const UNIT_ALT = UNITS.map((u) => (u.notAfter ? `${esc(u.unit)}(?![${esc(u.notAfter)}])` : esc(u.unit))).join(
  "|",
);
const MULT_ALT = Object.keys(MULTIPLIERS)
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join("|");
/** A regex alternation of words, in their lexicon order (the first that fits is taken). */
export const alternation = (list: readonly string[]) => list.map(esc).join("|");
// Thousands may be grouped with a comma, full-width in older print ("３３，２１２万吨").
const NUM = "\\d{1,3}(?:[,，]\\d{3})+(?![\\d])(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

// number, optional range, 余/多, multiplier, 余/多, unit
const FIGURE = new RegExp(
  `(?<![A-Za-z0-9.\\-+_/#＋])(${NUM})(?:(%|％)?\\s?([-~～–—至到])\\s?(${NUM}))?(余|多)?(${MULT_ALT})?(余|多)?(${UNIT_ALT})`,
  "gu",
);
const RANK = /(?<![A-Za-z0-9])第(\d{1,3})(名|位(?!次))?/gu;

const CURRENCY = new Set(statWords.currencies);
const GROWTH_BEFORE = new RegExp(
  `(?:${alternation(statWords.growthVerbs)})(?:${alternation(statWords.growthLinks)})?(?:分别)?$`,
  "u",
);
const SHARE_WORDS = new RegExp(alternation(statWords.shareWords), "u");
const TARGET_WORDS = new RegExp(alternation(statWords.targetWords), "u");
const APPROX_BEFORE = new RegExp(`(?:${alternation(statWords.approxBefore)})$`, "u");
const APPROX_AFTER = new RegExp(`^(?:${alternation(statWords.approxAfter)})`, "u");
// Delimiters that end the phrase a label is taken from.
const CLAUSE_DELIM = /[，。；：！？、,;:!?（）()“”\n]/u;
const CLAUSE_DELIM_CHARS = "，。；：！？、,;:!?（）()“”\n";
const SENTENCE_END_CHARS = "。！？；\n";
const LABEL_TRIM_START = new RegExp(`^(?:${alternation(statWords.labelLeadWords)})+`, "u");
const LABEL_TRIM_END = new RegExp(`(?:${alternation(statWords.labelTailWords)})+$`, "u");
const BARE_VERB = new RegExp(`^(?:${alternation(statWords.bareVerbs)})$`, "u");

function parseNum(s: string): number {
  return Number(s.replace(/[,，]/gu, ""));
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

function sentenceBefore(text: string, start: number): string {
  let i = start - 1;
  const stop = Math.max(-1, start - 200);
  while (i > stop && !SENTENCE_END_CHARS.includes(text[i] as string)) i--;
  return text.slice(i + 1, start);
}

function cleanLabel(raw: string): string {
  let s = raw.replace(/\s+/gu, "");
  for (let k = 0; k < 3; k++) {
    const before = s;
    s = s.replace(LABEL_TRIM_END, "").replace(LABEL_TRIM_START, "");
    if (s === before) break;
  }
  s = s.replace(/^[的等]/u, "");
  if (s.length > 24) s = s.slice(-24);
  return s;
}

function nounAfter(text: string, end: number): string {
  let j = end;
  while (j < text.length && j - end < 14 && !CLAUSE_DELIM.test(text[j] as string)) j++;
  return cleanLabel(
    text
      .slice(end, j)
      .replace(/^(?:以上|左右|的|之多)/u, "")
      .replace(/(?:建成|完成|实现|通过|入驻|落地|投产|开工|签约).*$/u, ""),
  );
}

export function findStats(text: string): FoundStat[] {
  const found: FoundStat[] = [];
  if (!/\d/u.test(text)) return found;

  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const start = m.index;
    const whole = m[0];
    const end = start + whole.length;
    const unit = m[8] as string;
    const prev = text.slice(Math.max(0, start - 2), start);
    const next = text.slice(end, end + 8);
    // Ordinals (第3批), codes and names glued to letters (5G, 4A级) are not figures.
    if (prev.endsWith("第")) continue;
    if (/^[A-Za-z]/u.test(next) && unit !== "%" && unit !== "％") continue;
    // "10万吨级航道", "500亿元级产业集群": a class, not a quantity.
    if (/^[级型]/u.test(next)) continue;
    // "15分钟生活圈", "300米见绿": distances and times naming a programme.
    if (/^(?:分钟|公里|米|小时)$/u.test(unit) && /^[^，。；、,;]{0,8}圈/u.test(next)) continue;
    if (insideShortQuote(text, start, end)) continue;
    // Clock times ("9时30分") and round-the-clock service names ("24小时不打烊").
    if (unit === "分" && /[时点:：]$/u.test(prev)) continue;
    if (
      (unit === "小时" || unit === "分钟") &&
      /^(?:不打烊|自助|营业|值守|值班|在线|全天候|无休)/u.test(next)
    )
      continue;
    // A year range or date ("2021-2025年", "3月5日至") never reaches here: 年/月/日 are not units.
    const n1 = parseNum(m[1] as string);
    const mult = m[6] ? (MULTIPLIERS[m[6]] ?? 1) : 1;
    const baseUnit = UNIT_BASE.get(unit) ?? unit;
    const value = n1 * mult;
    const stat: FoundStat = {
      text: whole,
      start,
      value: roundValue(value),
      unit: baseUnit,
      kind: (UNIT_KIND.get(unit) ?? "count") as StatKind,
      label: null,
    };
    if (m[4]) {
      stat.valueMax = roundValue(parseNum(m[4]) * mult);
      stat.kind = "range";
    }
    const sentence = sentenceBefore(text, start);
    const clause = clauseBefore(text, start);
    if (m[5] || m[7] || APPROX_BEFORE.test(clause) || APPROX_AFTER.test(next)) stat.approx = true;
    if (!m[4] && (baseUnit === "%" || baseUnit === "‰" || baseUnit === "个百分点" || baseUnit === "百分点")) {
      if (GROWTH_BEFORE.test(clause.replace(/\s+/gu, ""))) stat.kind = "growth";
      else if (SHARE_WORDS.test(clause)) stat.kind = "share";
    } else if (!m[4] && CURRENCY.has(baseUnit)) stat.kind = "amount";
    if (TARGET_WORDS.test(sentence)) stat.target = true;
    found.push(stat);
  }

  RANK.lastIndex = 0;
  for (let m = RANK.exec(text); m; m = RANK.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 1);
    // "第23届运动会", "第3次会议": ordinals of events, not ranks.
    if (m[2] === undefined && /^[届次批轮期个季代号条款章节部项]/u.test(after)) continue;
    const ranked =
      m[2] !== undefined ||
      /(?:排名|排位|排在|位列|位居|名列|跃居|升至|居于|居全[国省市区县]|列全[国省市区县])[^，。；和的]{0,8}$/u.test(
        before,
      );
    if (!ranked) continue;
    if (found.some((s) => s.start <= m.index && m.index < s.start + s.text.length)) continue;
    found.push({
      text: m[0],
      start: m.index,
      value: Number(m[1]),
      // "第2位" is counted in 位; a bare "第5" or "第3名" in 名.
      unit: m[2] === "位" ? "位" : "名",
      kind: "rank",
      label: null,
    });
  }
  found.sort((a, b) => a.start - b.start);
  assignLabels(text, found);
  return found;
}

function roundValue(v: number): number {
  // 3.44 * 1e8 is 344000000.00000006 in binary floating point.
  return Number.parseFloat(v.toPrecision(12));
}

function assignLabels(text: string, stats: FoundStat[]): void {
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i] as FoundStat;
    if (s.label) continue;
    const clause = clauseBefore(text, s.start);
    // "A、B分别突破200家、100家": the i-th subject labels the i-th figure.
    const respectively = /^(.*?)分别/u.exec(clause);
    if (respectively) {
      const run = [s];
      let j = i + 1;
      while (j < stats.length) {
        const prev = run[run.length - 1] as FoundStat;
        const gap = text.slice(prev.start + prev.text.length, (stats[j] as FoundStat).start);
        if (!/^(?:[、和及与，,]|以上、|左右、)$/u.test(gap)) break;
        run.push(stats[j] as FoundStat);
        j++;
      }
      const subjStart = Math.max(0, s.start - clause.length);
      const subject = sentenceSubject(text, subjStart, respectively[1] as string);
      const names = subject
        .split(/[、和及与]/u)
        .map(cleanLabel)
        .filter((x) => x.length >= 2);
      if (names.length === run.length) {
        run.forEach((r, k) => {
          r.label = names[k] ?? null;
        });
        i = j - 1;
        continue;
      }
    }
    let label = cleanLabel(clause);
    if ((s.kind === "growth" || s.kind === "share") && label.length < 2) {
      const prev = stats[i - 1];
      if (prev?.label && text.slice(prev.start + prev.text.length, s.start).length <= 12) {
        label = prev.label + (s.kind === "growth" ? "增速" : "占比");
      }
    }
    // "新设8所本科院校", "有色等10个传统产业": the measured noun follows the figure.
    const bareVerb = BARE_VERB.test(label);
    if (label.length < 2 || bareVerb || /[等和及与]$/u.test(label)) {
      const noun = nounAfter(text, s.start + s.text.length);
      if (noun.length >= 2) label = bareVerb ? label + noun : noun;
      else if (label.length >= 2) label = label.replace(/[等和及与]$/u, "");
    }
    s.label = label.length >= 2 ? label : null;
  }
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
      subject = `${text.slice(k + 1, i)}、${subject}`;
      i = k;
    }
    return subject;
  }
  return inClause;
}
