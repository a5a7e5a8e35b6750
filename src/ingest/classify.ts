// Stage 5: every line -> title | meta | heading | body | furniture | blank.
// Furniture patterns are data (lexicon/furniture.json); the rules here only use
// layout context (blank-line gaps, neighbours, position) that a pattern cannot see.
import furnitureLexicon from "./lexicon/furniture.json" with { type: "json" };
import type { SourceLine } from "./segment.ts";
import { chineseToNumber, endsMidClause, hasHan, isTerminated, unLetterSpace } from "./text.ts";
import type { FurnitureType } from "./types.ts";

export type LineKind = "blank" | "title" | "meta" | "heading" | "body" | "furniture";

export type HeadingScheme =
  | "part" // 第一部分 / 第一章 / 第一篇
  | "cn" // 一、
  | "cn-paren" // （一）
  | "section" // 第一节
  | "article" // 第一条
  | "arabic" // 1. / 1、
  | "arabic-paren" // (1)
  | "circled" // ①
  | "ordinal-line" // "2" on its own line, then the heading
  | "headline" // unnumbered newspaper headline
  | "markdown"; // "## 标题" in Markdown sources: the level is given

export type ItemKind = "ordinal" | "dash" | "numbered";

export interface ClassifiedLine extends SourceLine {
  kind: LineKind;
  /** Heading text (may differ from `text`: merged two-line headings, stripped ordinals). */
  heading?: string;
  level?: 1 | 2 | 3;
  scheme?: HeadingScheme;
  /** The heading's own number when it stood on a separate line. */
  number?: string;
  furniture?: FurnitureType;
  /** Meta lines keep a furniture type too: they leave the body like furniture does. */
  /** Body lines: length of a bold lead-in sentence at the start. */
  lead?: number;
  /** Body lines that open a list item (一是… / ——… / 1.…). */
  item?: ItemKind;
  /** Body text that always continues the paragraph before it (an inline link fragment). */
  glue?: boolean;
}

export interface ClassifiedDoc {
  lines: ClassifiedLine[];
  title: string | null;
  meta: {
    region?: string;
    year?: number;
    date?: string;
    kind?: string;
    speaker?: string;
    role?: string;
    meeting?: string;
    subtitle?: string;
  };
}

interface FurniturePattern {
  type: FurnitureType;
  re: RegExp;
  tail: boolean;
  maxLength: number;
}

const FURNITURE: FurniturePattern[] = furnitureLexicon.patterns.map((p) => ({
  type: p.type as FurnitureType,
  re: new RegExp(p.pattern, "u"),
  tail: "tail" in p && p.tail === true,
  maxLength: "maxLength" in p && typeof p.maxLength === "number" ? p.maxLength : 400,
}));

export function matchFurniture(text: string): FurniturePattern | null {
  for (const p of FURNITURE) {
    if (text.length <= p.maxLength && p.re.test(text)) return p;
  }
  return null;
}

// ---------------------------------------------------------------- heading schemes

const CN_NUM = "[一二三四五六七八九十百零〇两]{1,4}";
const SCHEMES: { scheme: HeadingScheme; rank: number; re: RegExp }[] = [
  { scheme: "part", rank: 0, re: new RegExp(`^第${CN_NUM}(?:部分|章|篇|编)[、，:：\\s]*`, "u") },
  { scheme: "cn", rank: 1, re: new RegExp(`^${CN_NUM}(?:、|[．.](?!\\d))\\s*`, "u") },
  { scheme: "cn-paren", rank: 2, re: new RegExp(`^[（(]${CN_NUM}[）)][、.．]?\\s*`, "u") },
  { scheme: "section", rank: 2, re: new RegExp(`^第${CN_NUM}节[、，:：\\s]*`, "u") },
  { scheme: "article", rank: 3, re: new RegExp(`^第(?:${CN_NUM}|\\d{1,3})条[、，:：\\s]*`, "u") },
  { scheme: "arabic", rank: 3, re: /^\d{1,2}(?:[、．]|\.(?!\d))\s*/u },
  { scheme: "arabic-paren", rank: 4, re: /^[（(]\d{1,2}[）)][、.．]?\s*/u },
  { scheme: "circled", rank: 5, re: /^[①-⑳]\s*/u },
];

export interface SchemeMatch {
  scheme: HeadingScheme;
  rank: number;
  marker: string;
}

function matchScheme(text: string): SchemeMatch | null {
  for (const s of SCHEMES) {
    const m = s.re.exec(text);
    if (m && m[0].length < text.length) return { scheme: s.scheme, rank: s.rank, marker: m[0] };
  }
  return null;
}

const ORDINAL_ITEM =
  /^(?:[一二三四五六七八九十]{1,3}是|首先|其次|再次|最后|第[一二三四五六七八九十]{1,3}[，,、])/u;
const DASH_ITEM = /^(?:——|—|--|-|－－|─)(?!\d|$)/u;
const FIRST_SENTENCE = /^[^。！？；!?;]{2,60}?[。！？；!?;]/u;

// ---------------------------------------------------------------- meta lines

const DASH_RUN = "[—–\\-－─━―‒⸺⸻]{1,6}";
const DATE_CN =
  "(?:\\d{4}|[〇零一二三四五六七八九]{4})年[\\d一二三四五六七八九十]{1,3}月[\\d一二三四五六七八九十]{1,3}日";
const VENUE_RE = new RegExp(
  `^(?:${DASH_RUN})?\\s*(?:[（(])?\\s*(${DATE_CN})?\\s*(?:在)?\\s*([^。！？]{0,80}(?:会议|大会|全会|常委会|座谈会|论坛|开幕式))\\s*上?(?:[)）])?\\s*(.*)$`,
  "u",
);
const VENUE_START = new RegExp(`^[—–\\-－─━―‒]{1,6}|^在|^[（(]?\\s*${DATE_CN}`, "u");
/** A venue line the layout broke in two ("——2026年1月26日在广东省第十四届" / "人民代表大会第五次会议上"). */
const VENUE_TAIL = /^[^。！？，]{0,40}(?:会议|大会)上?[)）]?$/u;
const DATE_LINE_RE = new RegExp(`^[（(]\\s*(${DATE_CN})\\s*[)）]$`, "u");
const ROLES =
  "(?:代理?)?(?:省长|市长|区长|县长|州长|旗长|盟长|总理|副总理|主席|书记|主任|局长|镇长|乡长|代表|委员长)";
const ROLE_ONLY_RE = new RegExp(`^[^。！？，,：:]{0,24}?${ROLES}$`, "u");
const SPEAKER_RE = new RegExp(
  `^(?:报告人[：:]\\s*)?([^。！？，,：:]{0,24}?${ROLES})\\s*(\\p{Script=Han}(?:\\s?[\\p{Script=Han}·]){1,9})$`,
  "u",
);

export function parseChineseDate(s: string): string | undefined {
  const m =
    /^(\d{4}|[〇零一二三四五六七八九]{4})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/u.exec(
      s,
    );
  if (!m) return undefined;
  const y = chineseToNumber(m[1] as string);
  const mo = chineseToNumber(m[2] as string);
  const d = chineseToNumber(m[3] as string);
  if (y == null || mo == null || d == null || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const KIND_WORDS: [RegExp, string][] = [
  [/政府工作报告/u, "政府工作报告"],
  [/经济工作会议/u, "经济工作会议"],
  [/国民经济和社会发展统计公报|统计公报/u, "统计公报"],
  [/规划纲要|规划/u, "规划纲要"],
  [/全体(?:（扩大）|\(扩大\))?会议|全会/u, "全体会议"],
  [/工作报告/u, "工作报告"],
  [/讲话/u, "讲话"],
  [/综述|巡礼|纪实/u, "新闻综述"],
];

export function detectKind(title: string): string | undefined {
  for (const [re, kind] of KIND_WORDS) if (re.test(title)) return kind;
  return undefined;
}

const TITLE_WORD = /报告|会议|公报|纲要|讲话|纪要|决议|综述|发言|规划|计划/u;

// ---------------------------------------------------------------- trailing bylines

const TRAILING_BYLINE =
  /^(.*?[。！？”』」…])\s*([\p{Script=Han}·]{0,12}?(?:特约|实习|首席|全媒体)?(?:记者|通讯员)\s*[：:]?\s*[\p{Script=Han}·、 /／]{2,60}?)$/u;
const TRAILING_PHOTO = /^(.*?[。！？”])\s*((?:本报|新华社)?(?:记者)?\s*[\p{Script=Han}·\s]{2,20}\s*摄)$/u;

/** Splits bylines and photo credits that a layout glued to the end of a paragraph. */
function splitTrailing(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  let lastText = "";
  for (const l of lines) {
    const t = l.text;
    // A caption starts its own block: never the tail of an unfinished paragraph.
    const fresh = lastText === "" || isTerminated(lastText);
    if (t) lastText = t;
    // After a split the byline, not the line's raw end, is what precedes the next line.
    const mark = out.length;
    if (t.length > 8 && (t.includes("记者") || t.includes("通讯员") || t.endsWith("摄"))) {
      const photo = TRAILING_PHOTO.exec(t);
      if (photo && !matchFurniture(t)) {
        const before = photo[1] as string;
        // A single short sentence before a photo credit is the photo's caption.
        const isCaption = fresh && before.length <= 80 && (before.match(/[。！？]/gu)?.length ?? 0) <= 1;
        out.push({ text: before, line: l.line, ...(isCaption ? { forced: "caption" as const } : {}) });
        out.push({ text: photo[2] as string, line: l.line, forced: "credit" });
        lastText = "。";
        continue;
      }
      const by = TRAILING_BYLINE.exec(t);
      if (by && !matchFurniture(t)) {
        const before = by[1] as string;
        // One short sentence before a byline is a photo caption ("任振鹤作政府工作报告。").
        const isCaption = fresh && before.length <= 24 && /^[^。！？，,；]+[。！？]$/u.test(before);
        out.push({ text: before, line: l.line, ...(isCaption ? { forced: "caption" as const } : {}) });
        out.push({ text: (by[2] as string).trim(), line: l.line, forced: "byline" });
        lastText = out.length > mark ? "。" : lastText;
        continue;
      }
    }
    out.push(l);
  }
  return out;
}

// ---------------------------------------------------------------- main

function isHeadlineish(text: string): boolean {
  if (text.length < 2 || text.length > 48) return false;
  if (!hasHan(text)) return false;
  if (isTerminated(text) || endsMidClause(text)) return false;
  if (/[。！？；]/u.test(text)) return false;
  const commas = text.match(/[，,]/gu)?.length ?? 0;
  if (commas > 1 || (commas === 1 && text.length > 16)) return false;
  // Headlines end on a word, not on a figure or a function word: such a line is a cut paragraph.
  if (/\d$/u.test(text)) return false;
  if (/[和与及了在对把将从向为并且或而被让使以于等之其]$/u.test(text)) return false;
  return true;
}

function isBodyStart(text: string): boolean {
  if (/^各位(?:代表|委员|同志)/u.test(text)) return true;
  if (/^同志们/u.test(text)) return true;
  return text.length >= 40 && /[。！？；]/u.test(text);
}

export function classifyLines(input: SourceLine[]): ClassifiedDoc {
  const pre = splitTrailing(input);
  const lines: ClassifiedLine[] = pre.map((l) => {
    if (!l.text) return { text: "", line: l.line, kind: "blank" };
    if (l.forced) return { text: l.text, line: l.line, kind: "furniture", furniture: l.forced };
    return { text: l.text, line: l.line, kind: "body" };
  });
  const meta: ClassifiedDoc["meta"] = {};

  // 1. Whole-line furniture from the lexicon; sidebars swallow the rest of the file.
  // Position is measured in characters: a long sidebar must not hide that the body came first.
  let totalChars = 0;
  for (const l of lines) totalChars += l.text.length;
  let seen = 0;
  let tailType: FurnitureType | null = null;
  let labelPending = false;
  for (const l of lines) {
    if (l.kind === "blank") continue;
    seen += l.text.length;
    if (tailType) {
      l.kind = "furniture";
      l.furniture = tailType;
      continue;
    }
    if (l.kind === "furniture") continue;
    // "来源：" / "阅读：" on one line and the value on the next: the value is chrome too.
    if (labelPending && l.text.length <= 30 && !/[。！？；]/u.test(l.text)) {
      l.kind = "furniture";
      l.furniture = "chrome";
      labelPending = false;
      continue;
    }
    labelPending = false;
    const p = matchFurniture(l.text);
    if (!p) continue;
    l.kind = "furniture";
    l.furniture = p.type;
    if (p.type === "chrome" && /^[\p{Script=Han}A-Za-z]{1,6}\s*[：:]$/u.test(l.text)) labelPending = true;
    if (p.tail && seen > totalChars * 0.5) tailType = p.type;
  }

  // 2. Navigation menus, link-list footers, summary previews and inline-link fragments of scraped pages.
  markNavigation(lines);
  markTrailingLinks(lines);
  markSandwichedLinks(lines);
  markPreviews(lines);
  const fragments = linkFragments(lines);

  // 3. Header zone: title, meta and chrome before the first paragraph.
  const title = detectHeader(lines, meta);

  // 4. Headings and body.
  classifyBody(lines, fragments);

  // 5. Content duplicated by scrapers (previews, whole bodies twice).
  markDuplicates(lines);

  return { lines, title, meta };
}

function nextContent(lines: ClassifiedLine[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) {
    const k = lines[j]?.kind;
    if (k !== "blank" && k !== "furniture") return j;
  }
  return -1;
}

function detectHeader(lines: ClassifiedLine[], meta: ClassifiedDoc["meta"]): string | null {
  // The header zone ends at the first real paragraph.
  let end = lines.length;
  let contentSeen = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "body") continue;
    contentSeen++;
    const scheme = matchScheme(l.text);
    if (isBodyStart(l.text) || contentSeen > 14 || (scheme && scheme.rank <= 1)) {
      end = i;
      break;
    }
  }
  let title: string | null = null;
  let titleIdx = -1;

  // Meta lines first: venue, date and speaker lines are recognisable on their own.
  for (let i = 0; i < end; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "body") continue;
    if (VENUE_START.test(l.text) && !/(?:会议|大会)上?[)）]?$/u.test(l.text) && l.text.length <= 60) {
      const n = nextContent(lines, i);
      const nl = n >= 0 ? (lines[n] as ClassifiedLine) : undefined;
      if (nl && nl.kind === "body" && VENUE_TAIL.test(nl.text)) {
        const joined: ClassifiedLine = { ...l, text: l.text + nl.text };
        if (takeMeta(joined, meta, lines, i)) {
          l.kind = "meta";
          nl.kind = "meta";
          l.furniture = joined.furniture ?? "dateline";
          nl.furniture = l.furniture;
          continue;
        }
      }
    }
    takeMeta(l, meta, lines, i);
  }

  // A labelled title ("标题：…") wins; then a line naming a report kind; then the first headline.
  const candidates: number[] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "body" || l.kind === "title") candidates.push(i);
  }
  for (const i of candidates) {
    const l = lines[i] as ClassifiedLine;
    const m = /^(?:标题|题目)\s*[：:]\s*(.{2,80})$/u.exec(l.text);
    if (m) {
      title = unLetterSpace((m[1] as string).trim());
      titleIdx = i;
      break;
    }
  }
  if (titleIdx < 0) {
    // Among the first header lines naming a report kind, the fullest one is the title
    // ("保定市满城区2021年政府工作报告" over a breadcrumb "工作报告").
    let bestLen = 0;
    for (const i of candidates.slice(0, 8)) {
      const l = lines[i] as ClassifiedLine;
      const t = l.kind === "title" ? (l.heading ?? l.text) : unLetterSpace(l.text.replace(/^#{1,6}\s+/u, ""));
      const ok =
        l.kind === "title" ||
        (TITLE_WORD.test(t) &&
          t.length <= 60 &&
          !isTerminated(t) &&
          !/[，、；,;]/u.test(t) &&
          !matchScheme(t) &&
          !VENUE_START.test(t));
      if (ok && t.length > bestLen) {
        title = t;
        titleIdx = i;
        bestLen = t.length;
      }
    }
  }
  if (titleIdx < 0) {
    const first = candidates[0];
    if (first !== undefined) {
      const t = unLetterSpace((lines[first] as ClassifiedLine).text.replace(/^#{1,6}\s+/u, ""));
      if (isHeadlineish(t) && !matchScheme(t) && !/^各位/u.test(t)) {
        const sibling = /^\d{4}年/u.test(t) && hasYearSibling(lines, first, t);
        if (!sibling && nextContent(lines, first) >= 0) {
          title = t;
          titleIdx = first;
        }
      }
    }
  }
  if (titleIdx < 0) {
    // A newspaper page may set its main headline below a lead box: a lone multi-phrase line.
    const late = findLateTitle(lines);
    if (late >= 0) {
      titleIdx = late;
      title = (lines[late] as ClassifiedLine).text;
    }
  }
  if (titleIdx >= 0) {
    const tl = lines[titleIdx] as ClassifiedLine;
    const label = /^((?:标题|题目)\s*[：:])/u.exec(tl.text);
    if (label) {
      tl.kind = "furniture";
      tl.furniture = "title-chrome";
      tl.text = label[1] as string;
    } else {
      tl.kind = "title";
      tl.heading = title ?? tl.text;
      // A subtitle set directly under the title (no blank line between) belongs to it.
      const sub = lines[titleIdx + 1];
      const after = lines[titleIdx + 2];
      if (
        title &&
        sub?.kind === "body" &&
        isHeadlineish(sub.text) &&
        sub.text.length <= 30 &&
        !TITLE_WORD.test(sub.text) &&
        !VENUE_START.test(sub.text) &&
        !matchScheme(sub.text) &&
        !SPEAKER_RE.test(sub.text) &&
        !/^各位/u.test(sub.text) &&
        (after === undefined ||
          after.kind === "blank" ||
          (after.kind === "body" && !isHeadlineish(after.text)))
      ) {
        title = `${title} ${sub.text}`;
        tl.heading = title;
        sub.kind = "title";
        sub.heading = title;
      }
    }
    // Lines before the title in the header are page chrome (breadcrumbs, site names).
    if (titleIdx < end) {
      for (let i = 0; i < titleIdx; i++) {
        const l = lines[i] as ClassifiedLine;
        if (l.kind === "body") {
          l.kind = "furniture";
          l.furniture = "title-chrome";
        }
      }
      // Repeats of the title and a subtitle line right after it.
      for (let i = titleIdx + 1; i < end; i++) {
        const l = lines[i] as ClassifiedLine;
        if (l.kind !== "body") continue;
        const t = unLetterSpace(l.text);
        if (
          title &&
          (t === title || title.endsWith(t) || (TITLE_WORD.test(t) && t.length <= 20 && !isTerminated(t)))
        ) {
          l.kind = "furniture";
          l.furniture = "title-chrome";
          continue;
        }
        if (/^[—–\-－─]{1,3}\s*\p{Script=Han}/u.test(l.text) && !meta.subtitle && !isTerminated(l.text)) {
          meta.subtitle = l.text.replace(/^[—–\-－─]{1,3}\s*/u, "");
          l.kind = "meta";
          l.furniture = "title-chrome";
          continue;
        }
        break;
      }
    }
  }
  if (title) {
    const kind = detectKind(title);
    if (kind) meta.kind = kind;
  }
  return title;
}

function hasYearSibling(lines: ClassifiedLine[], self: number, text: string): boolean {
  const prefix = /^\d{4}年/u;
  for (let i = 0; i < lines.length; i++) {
    if (i === self) continue;
    const l = lines[i] as ClassifiedLine;
    if (
      l.kind === "body" &&
      prefix.test(l.text) &&
      l.text !== text &&
      l.text.length <= 24 &&
      !isTerminated(l.text)
    ) {
      return true;
    }
  }
  return false;
}

function findLateTitle(lines: ClassifiedLine[]): number {
  let found = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "body") continue;
    const t = l.text;
    if (t.length < 14 || t.length > 60 || !isHeadlineish(t) || matchScheme(t)) continue;
    if ((t.match(/ /gu)?.length ?? 0) < 3) continue;
    const blanksBefore = countBlanksBefore(lines, i);
    if (blanksBefore < 2) continue;
    if (found >= 0) return -1; // more than one: these are headings, not a title
    found = i;
  }
  return found;
}

function countBlanksBefore(lines: ClassifiedLine[], i: number): number {
  let n = 0;
  for (let j = i - 1; j >= 0 && lines[j]?.kind === "blank"; j--) n++;
  return n;
}

function takeMeta(
  l: ClassifiedLine,
  meta: ClassifiedDoc["meta"],
  lines: ClassifiedLine[],
  i: number,
): boolean {
  const t = l.text;
  const d = DATE_LINE_RE.exec(t);
  if (d) {
    const iso = parseChineseDate(d[1] as string);
    if (iso && !meta.date) meta.date = iso;
    l.kind = "meta";
    l.furniture = "dateline";
    return true;
  }
  // "标题——日期在…会议上": title and venue on one line.
  const split =
    /^([^—–\-－─]{2,40}?)\s*([—–－─―]{1,2}|-{2,6})\s*(.+)$/u.exec(t) ??
    new RegExp(`^(.{2,40}?(?:报告|纲要|讲话))\\s*()([（(]?\\s*${DATE_CN}.+)$`, "u").exec(t);
  const venueText = split && TITLE_WORD.test(split[1] as string) ? (split[3] as string) : t;
  if (t.length <= 120 && (venueText.length < t.length || VENUE_START.test(t))) {
    const v = VENUE_RE.exec(venueText);
    if (v && (v[1] || /^[—–\-－─━―]|^在/u.test(venueText)) && !/[，。；！？,;]/u.test(v[3] as string)) {
      if (v[1]) {
        const iso = parseChineseDate(v[1]);
        if (iso && !meta.date) meta.date = iso;
      }
      if (!meta.meeting) meta.meeting = (v[2] as string).replace(/^[在于]/u, "").trim();
      const rest = (v[3] as string).trim();
      if (rest) {
        const sp = SPEAKER_RE.exec(rest);
        if (sp) setSpeaker(meta, sp);
        else if (rest.length > 0) meta.subtitle ??= rest;
      }
      if (venueText.length < t.length) {
        l.kind = "title";
        l.heading = unLetterSpace((split?.[1] ?? t).trim());
        (meta as Record<string, unknown>).venue = venueText;
      } else {
        l.kind = "meta";
        l.furniture = "dateline";
      }
      return true;
    }
  }
  if (t.length <= 30 && ROLE_ONLY_RE.test(t)) {
    const n = nextContent(lines, i);
    const nl = n >= 0 ? (lines[n] as ClassifiedLine) : undefined;
    if (nl && nl.kind === "body" && /^\p{Script=Han}(?:\s?[\p{Script=Han}·]){1,5}$/u.test(nl.text)) {
      const sp = SPEAKER_RE.exec(`${t} ${nl.text}`);
      if (sp) {
        setSpeaker(meta, sp);
        l.kind = "meta";
        nl.kind = "meta";
        l.furniture = "byline";
        nl.furniture = "byline";
        return true;
      }
    }
  }
  if (t.length <= 40) {
    const sp = SPEAKER_RE.exec(t);
    if (sp && !/[，。、]/u.test(t)) {
      setSpeaker(meta, sp);
      l.kind = "meta";
      l.furniture = "byline";
      return true;
    }
  }
  return false;
}

function setSpeaker(meta: ClassifiedDoc["meta"], m: RegExpExecArray): void {
  if (meta.speaker) return;
  meta.speaker = (m[2] as string).replace(/\s+/gu, "");
  meta.role = (m[1] as string).replace(/^报告人[：:]\s*/u, "").trim();
}

function hasImageCredits(lines: ClassifiedLine[]): boolean {
  return lines.some(
    (l) =>
      (l.kind === "furniture" && (l.furniture === "credit" || l.furniture === "caption")) ||
      (l.kind === "furniture" && l.furniture === "byline" && /[/／]\s*图|摄$/u.test(l.text)),
  );
}

function schemeLevelRanks(lines: ClassifiedLine[]): Map<number, 1 | 2 | 3> {
  const ranks = new Set<number>();
  for (const l of lines) {
    if (l.kind === "heading" && l.scheme && l.scheme !== "headline" && l.scheme !== "ordinal-line") {
      const r = SCHEMES.find((s) => s.scheme === l.scheme)?.rank;
      if (r !== undefined) ranks.add(r);
    }
  }
  const sorted = [...ranks].sort((a, b) => a - b);
  const map = new Map<number, 1 | 2 | 3>();
  sorted.forEach((r, i) => {
    map.set(r, Math.min(3, i + 1) as 1 | 2 | 3);
  });
  return map;
}

function classifyBody(lines: ClassifiedLine[], fragments: Set<string>): void {
  const images = hasImageCredits(lines);
  const usesBlankLines = blankLinesSeparateParagraphs(lines);
  let prevBody: ClassifiedLine | null = null; // last content line that was body
  const lastContent = (() => {
    for (let j = lines.length - 1; j >= 0; j--) if (lines[j]?.kind === "body") return j;
    return -1;
  })();

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "title" || l.kind === "meta") {
      prevBody = null;
      continue;
    }
    if (l.kind === "furniture") {
      // A lone ordinal ("2") right before a headline is the headline's number, not a page number.
      if (
        l.furniture === "page-number" &&
        /^\d{1,2}$/u.test(l.text) &&
        (!prevBody || isTerminated(prevBody.text))
      ) {
        const n = nextContent(lines, i);
        const nl = n >= 0 ? lines[n] : undefined;
        if (
          nl &&
          nl.kind === "body" &&
          isHeadlineish(nl.text) &&
          !matchScheme(nl.text) &&
          nl.text.length <= 30
        ) {
          l.kind = "blank";
          l.furniture = undefined;
          nl.kind = "heading";
          nl.scheme = "ordinal-line";
          nl.heading = nl.text;
          nl.number = l.text;
          i = n;
          prevBody = null;
        }
      }
      continue;
    }
    if (l.kind === "blank") continue;
    if (l.kind === "heading") {
      prevBody = null;
      continue;
    }
    const t = l.text;
    const continuing = prevBody !== null && !isTerminated(prevBody.text);
    if (fragments.has(t)) {
      // An inline link cut out of its sentence: glue it back, and undo a heading it cut short.
      const prev = previousContent(lines, i);
      if (
        prev &&
        prev.kind === "heading" &&
        (prev.scheme === "headline" ||
          (prev.scheme !== "ordinal-line" && (prev.heading ?? prev.text).length <= 10))
      ) {
        prev.kind = "body";
        prev.item = "numbered";
        prev.text = prev.heading ?? prev.text;
        prevBody = prev;
      }
      l.glue = true;
      prevBody = l;
      continue;
    }
    const md = /^(#{1,6})\s+(\S.*)$/u.exec(t);
    if (md && !continuing) {
      l.kind = "heading";
      l.scheme = "markdown";
      l.heading = (md[2] as string).replace(/\s*#+$/u, "");
      l.level = Math.min(3, (md[1] as string).length) as 1 | 2 | 3;
      prevBody = null;
      continue;
    }
    const scheme = matchScheme(t);

    if (scheme) {
      const rest = t.slice(scheme.marker.length);
      const stop = /[。！？；!?;]/u.exec(rest);
      const strong = scheme.rank <= 1;
      if (continuing && !strong) {
        prevBody = l;
        continue;
      }
      const lone = !stop || stop.index === rest.length - 1;
      const maxLen = scheme.scheme === "arabic" || scheme.scheme === "arabic-paren" ? 30 : 48;
      const commas = rest.match(/[，,]/gu)?.length ?? 0;
      const endsStop = stop !== null && stop.index === rest.length - 1;
      // "1、物联网：是指…" defines a term: a list item, not a heading.
      const definition = /[：:].|即|是指/u.test(rest);
      // A heading without a full stop is one clause or two; the next line never picks up mid-word.
      const nextLine = lines[nextContent(lines, i)];
      const cutBelow = nextLine !== undefined && /^\p{Script=Han}[，,。；;、：:）)”]/u.test(nextLine.text);
      const headingLike =
        lone &&
        !definition &&
        !cutBelow &&
        // Two clauses fit a heading; 30-odd characters with a comma are a hard-wrapped paragraph start.
        (endsStop || commas === 0 || (commas === 1 && t.length <= 28) || (commas === 2 && t.length <= 24)) &&
        t.length <= maxLen &&
        !endsMidClause(t) &&
        (!endsStop || (t.length <= 40 && commas <= 1 && scheme.rank <= 2)) &&
        !(scheme.rank >= 3 && commas > 0);
      if (headingLike) {
        l.kind = "heading";
        l.scheme = scheme.scheme;
        l.heading = t;
        prevBody = null;
        continue;
      }
      // A numbered lead-in sentence running on into its paragraph stays body, rendered bold.
      if (stop && stop.index < rest.length - 1 && scheme.marker.length + stop.index + 1 <= 50) {
        l.lead = scheme.marker.length + stop.index + 1;
      }
      l.item = "numbered";
      prevBody = l;
      continue;
    }

    const blanks = countBlanksBefore(lines, i);
    // Where blank lines separate blocks, a headline is set apart from the paragraph above it.
    const setApart = !usesBlankLines || lines[i - 1]?.kind !== "body";
    // Long unnumbered lines are headlines only as spaced newspaper phrases set apart by blank lines;
    // otherwise a line of 30-odd characters is far more often a hard-wrapped piece of a paragraph.
    const headlineLength =
      t.length <= 26 || (/ /u.test(t) && blanks > 0 && lines[i + 1]?.kind === "blank" && t.length <= 48);
    // A multi-phrase headline set apart by blank lines is a headline even after a paragraph
    // that lacks its final full stop: a wrapped fragment never looks like "聚焦… 经济运行…".
    const spacedHeadline =
      usesBlankLines &&
      blanks > 0 &&
      lines[i + 1]?.kind === "blank" &&
      /^\p{Script=Han}[^ ]{3,}(?: [^ ]{2,}){1,3}$/u.test(t) &&
      !/[，,、]/u.test(t);
    if (
      (!continuing || spacedHeadline) &&
      setApart &&
      headlineLength &&
      isHeadlineish(t) &&
      i !== lastContent
    ) {
      // Photo captions: short unpunctuated phrases set apart on pages that carry pictures.
      if (
        images &&
        t.length <= 14 &&
        !/[\s“”"‘’《》·：:，,、]/u.test(t) &&
        (blanks >= 2 || nextIsHeadline(lines, i))
      ) {
        l.kind = "furniture";
        l.furniture = "caption";
        continue;
      }
      const n = nextContent(lines, i);
      const nl = n >= 0 ? (lines[n] as ClassifiedLine) : undefined;
      // The next line picks up mid-clause ("家、100家…"): this line is the start of its sentence.
      const continuedBelow =
        nl !== undefined && /^(?:\p{Script=Han}[、，,。；;：:）)]|[、，,。；;：:）)%])/u.test(nl.text);
      // A headline broken over two lines by the layout ("2023年,重点抓好" / "六个方面工作").
      if (
        nl &&
        nl.kind === "body" &&
        isHeadlineish(nl.text) &&
        !matchScheme(nl.text) &&
        !fragments.has(nl.text) &&
        (/[,，]/u.test(t) || /[的和与及在对把将抓]$/u.test(t)) &&
        t.length + nl.text.length <= 30 &&
        nl.text.length <= 12
      ) {
        l.kind = "heading";
        l.scheme = "headline";
        l.heading = t + nl.text;
        nl.kind = "blank";
        (nl as ClassifiedLine & { mergedInto?: number }).mergedInto = l.line;
        (l as ClassifiedLine & { extra?: string }).extra = nl.text;
        prevBody = null;
        i = n;
        continue;
      }
      if (t.length >= 4 && nl && !continuedBelow && !/^\d/u.test(t.replace(/^\d{4}年?/u, "x"))) {
        l.kind = "heading";
        l.scheme = "headline";
        l.heading = t;
        prevBody = null;
        continue;
      }
    }
    if (images && !continuing && i === lastContent && isHeadlineish(t) && t.length <= 14 && !/\s/u.test(t)) {
      l.kind = "furniture";
      l.furniture = "caption";
      continue;
    }

    // Body line.
    if (!continuing) {
      if (ORDINAL_ITEM.test(t)) l.item = "ordinal";
      else if (DASH_ITEM.test(t) && !/^[—–\-－─]+\s*\d{4}年\d/u.test(t)) l.item = "dash";
      const first = FIRST_SENTENCE.exec(t);
      if (first && first[0].length < t.length) {
        const s = first[0];
        if (l.item === "ordinal" && s.length <= 50) l.lead = s.length;
        else if (!l.item && s.length <= 24 && !/[，,、：:“”]/u.test(s) && s.endsWith("。")) l.lead = s.length;
      }
    }
    prevBody = l;
  }

  assignLevels(lines);
}

function previousContent(lines: ClassifiedLine[], i: number): ClassifiedLine | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const k = lines[j]?.kind;
    if (k !== "blank" && k !== "furniture") return lines[j];
  }
  return undefined;
}

const SHORT_PLAIN = /^[\p{Script=Han}A-Za-z0-9“”·]{1,12}$/u;

/** Four or more short bare lines in a row are a site's navigation menu, not content. */
function markNavigation(lines: ClassifiedLine[]): void {
  let run: ClassifiedLine[] = [];
  const flush = () => {
    if (run.length >= 4) {
      for (const r of run) {
        r.kind = "furniture";
        r.furniture = "chrome";
      }
    }
    run = [];
  };
  for (const l of lines) {
    if (l.kind === "blank" || l.kind === "furniture") continue;
    if (
      l.kind === "body" &&
      SHORT_PLAIN.test(l.text) &&
      !matchScheme(l.text) &&
      !/^\d+$/u.test(l.text) &&
      !TITLE_WORD.test(l.text)
    )
      run.push(l);
    else flush();
  }
  flush();
  // Breadcrumb items: short lines next to a ">" separator line.
  const content = lines.filter((l) => l.kind !== "blank");
  content.forEach((l, k) => {
    if (l.kind !== "body" || l.text.length > 16 || /[。！？；，]/u.test(l.text)) return;
    const isSep = (x: ClassifiedLine | undefined) =>
      x !== undefined && /^(?:>{1,2}|＞|›|»|\/)$/u.test(x.text);
    if (isSep(content[k - 1]) || isSep(content[k + 1])) {
      l.kind = "furniture";
      l.furniture = "chrome";
    }
  });
}

/**
 * A scraped page ends in link lists (departments, other sites, other reports): from the end,
 * a run of three or more short bare lines with no sentence among them is chrome.
 */
function markSandwichedLinks(lines: ClassifiedLine[]): void {
  const content = lines.filter((l) => l.kind !== "blank");
  let k = 0;
  while (k < content.length) {
    const isBare = (l: ClassifiedLine) =>
      l.kind === "body" &&
      l.text.length <= 16 &&
      !/[。！？；，,：:]/u.test(l.text) &&
      !matchScheme(l.text) &&
      !TITLE_WORD.test(l.text);
    if (!isBare(content[k] as ClassifiedLine)) {
      k++;
      continue;
    }
    let j = k;
    while (j < content.length && isBare(content[j] as ClassifiedLine)) j++;
    const before = content[k - 1];
    const after = content[j];
    // Between two pieces of page chrome (a footer and the next page's header): link text.
    if (before?.kind === "furniture" && after?.kind === "furniture" && before.furniture === "chrome") {
      for (let m = k; m < j; m++) {
        const l = content[m] as ClassifiedLine;
        l.kind = "furniture";
        l.furniture = "chrome";
      }
    }
    k = j;
  }
}

function markTrailingLinks(lines: ClassifiedLine[]): void {
  const run: ClassifiedLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "blank" || l.kind === "furniture") continue;
    if (l.kind !== "body" || l.text.length > 24 || /[。！？；，、,;:：]/u.test(l.text)) break;
    run.push(l);
  }
  if (run.length < 3) return;
  for (const l of run) {
    l.kind = "furniture";
    l.furniture = "chrome";
  }
}

/** Short lines that stand alone more than once are hyperlink anchors cut out of sentences. */
function linkFragments(lines: ClassifiedLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.kind !== "body" || l.text.length > 8 || matchScheme(l.text) || isTerminated(l.text)) continue;
    if (/^各位|^\d+$/u.test(l.text)) continue;
    counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [t, n] of counts) if (n >= 2) out.add(t);
  return out;
}

/**
 * Whether blank lines carry structure: enough blank runs follow a finished sentence or a
 * short unpunctuated line (a headline). Blank lines that only cut sentences (page or column
 * breaks, hard-wrapped copies) do not count.
 */
function blankLinesSeparateParagraphs(lines: ClassifiedLine[]): boolean {
  let runs = 0;
  let structural = 0;
  let prev: ClassifiedLine | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "blank") {
      if (lines[i - 1]?.kind !== "blank" && prev) {
        runs++;
        if (prev.kind !== "body" || isTerminated(prev.text) || isHeadlineish(prev.text)) structural++;
      }
      continue;
    }
    if (l.kind !== "furniture") prev = l;
  }
  return structural >= 3 && structural >= runs * 0.3;
}

function nextIsHeadline(lines: ClassifiedLine[], i: number): boolean {
  const n = nextContent(lines, i);
  if (n < 0) return true;
  const nl = lines[n] as ClassifiedLine;
  return nl.kind === "body" && isHeadlineish(nl.text) && / /u.test(nl.text);
}

const PART_WORDS =
  /工作回顾|工作安排|主要任务|总体要求|重点工作|工作建议|目标任务|主要目标|发展成就|政府自身建设|名词解释|注释/u;

function assignLevels(lines: ClassifiedLine[]): void {
  const rankLevel = schemeLevelRanks(lines);
  const headings = lines.filter((l) => l.kind === "heading");
  const unnumbered = headings.filter((h) => h.scheme === "headline" || h.scheme === "ordinal-line");
  const isNumbered = (h: ClassifiedLine) =>
    h.scheme !== "headline" && h.scheme !== "ordinal-line" && h.scheme !== "markdown";
  const hasNumbered = headings.some(isNumbered);
  const yearLed = (h: ClassifiedLine) => /^\d{4}年/u.test(h.heading ?? h.text);
  const someYear = unnumbered.some(yearLed);
  const someOther = unnumbered.some((h) => !yearLed(h));
  // "2023年工作回顾" / "2024年重点工作" above numbered sections: parts that head the hierarchy.
  const isPart = (h: ClassifiedLine) =>
    (h.scheme === "headline" || h.scheme === "ordinal-line") &&
    (h.heading ?? h.text).length <= 24 &&
    (yearLed(h) || PART_WORDS.test(h.heading ?? h.text));
  const firstNumbered = headings.findIndex(isNumbered);
  const partsOnTop = hasNumbered && headings.slice(0, Math.max(0, firstNumbered)).some(isPart);
  let prevLevel: 1 | 2 | 3 | 0 = 0;
  // Markdown levels count from the shallowest one used below the title ("##" sections -> 1).
  const mdTop = Math.min(4, ...headings.filter((h) => h.scheme === "markdown").map((h) => h.level ?? 1));
  for (const h of headings) {
    if (h.scheme === "markdown") {
      h.level = Math.max(1, Math.min(3, (h.level ?? 1) - mdTop + 1)) as 1 | 2 | 3;
      prevLevel = h.level;
      continue;
    }
    if (h.scheme === "headline" || h.scheme === "ordinal-line") {
      if (partsOnTop && isPart(h)) h.level = 1;
      else if (!hasNumbered) h.level = someYear && someOther ? (yearLed(h) ? 1 : 2) : 1;
      else h.level = prevLevel === 0 ? 1 : (Math.min(3, prevLevel + 1) as 1 | 2 | 3);
      if (hasNumbered && !(partsOnTop && isPart(h))) continue; // do not reset the numbered hierarchy
    } else {
      const rank = SCHEMES.find((s) => s.scheme === h.scheme)?.rank ?? 1;
      const level = rankLevel.get(rank) ?? 1;
      h.level = (partsOnTop ? Math.min(3, level + 1) : level) as 1 | 2 | 3;
    }
    prevLevel = h.level;
  }
}

/** The line after a "内容摘要" label previews the body. */
function markPreviews(lines: ClassifiedLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "furniture" || !/^(?:内容摘要|摘要|内容提要|导读)/u.test(l.text)) continue;
    const n = nextContent(lines, i);
    const nl = n >= 0 ? (lines[n] as ClassifiedLine) : undefined;
    if (nl && nl.kind === "body" && (/(?:\.{3,}|…+)$/u.test(nl.text) || nl.text.length >= 20)) {
      nl.kind = "furniture";
      nl.furniture = "duplicate";
      // A preview wrapped over several lines runs on until its closing "......".
      let j = n;
      let last = nl;
      while (!/(?:\.{3,}|…+)$/u.test(last.text)) {
        j = nextContent(lines, j);
        const m = j >= 0 ? (lines[j] as ClassifiedLine) : undefined;
        if (m?.kind !== "body" || isTerminated(last.text)) break;
        m.kind = "furniture";
        m.furniture = "duplicate";
        last = m;
      }
    }
  }
}

function markDuplicates(lines: ClassifiedLine[]): void {
  const seen = new Set<string>();
  const key = (t: string) => t.replace(/\s+/gu, "");
  // A second copy of the header (title, venue, speaker lines) further down is a duplicate.
  const header = new Set(
    lines.filter((l) => l.kind === "title" || l.kind === "meta").map((l) => key(l.text)),
  );
  for (const l of lines) {
    if ((l.kind === "body" || l.kind === "heading") && header.has(key(l.text))) {
      l.kind = "furniture";
      l.furniture = "duplicate";
    }
  }
  // The previous content line, kept as we go (not searched back: a long run of copies is linear).
  let prev: ClassifiedLine | undefined;
  for (const l of lines) {
    const before = prev;
    if (l.kind !== "blank" && l.kind !== "furniture") prev = l;
    if (l.kind !== "body") continue;
    const k = key(l.text);
    if (k.length < 20) continue;
    // Only whole paragraphs count: pieces of hard-wrapped text repeat common phrases.
    if (!isTerminated(l.text) || (before && before.kind === "body" && !isTerminated(before.text))) continue;
    if (seen.has(k)) {
      l.kind = "furniture";
      l.furniture = "duplicate";
      prev = before;
    } else seen.add(k);
  }
  // Headings of a repeated body copy: a repeated heading whose section is all duplicates.
  const headSeen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "heading") continue;
    const k = key(l.heading ?? l.text);
    if (headSeen.has(k)) {
      let allDup = true;
      let any = false;
      for (let j = i + 1; j < lines.length; j++) {
        const m = lines[j] as ClassifiedLine;
        if (m.kind === "heading") break;
        if (m.kind === "body") {
          allDup = false;
          break;
        }
        if (m.kind === "furniture" && m.furniture === "duplicate") any = true;
      }
      if (allDup && any) {
        l.kind = "furniture";
        l.furniture = "duplicate";
        l.text = l.heading ?? l.text;
      }
    } else headSeen.add(k);
  }
}
