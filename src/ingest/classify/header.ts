// The header zone before the first paragraph: the title, its subtitle, and the metadata lines
// (venue and date, speaker and role) with what they say.
import { parseChineseDate } from "../dates.ts";
import documentWords from "../lexicon/document.json" with { type: "json" };
import { alternation, isTerminated, unLetterSpace } from "../text.ts";
import {
  ADDRESS_OPENER,
  type ClassifiedDoc,
  type ClassifiedLine,
  countBlanksBefore,
  isBodyStart,
  isHeadlineish,
  nextContent,
  TITLE_WORD,
} from "./lines.ts";
import { matchScheme } from "./schemes.ts";

const MEETING = `(?:${alternation(documentWords.meetings)})`;
const VENUE_END = `(?:${alternation(documentWords.assemblies)})`;
const TITLE_LABEL = `(?:${alternation(documentWords.titleLabels)})`;
const SPEAKER_LABEL = `(?:${alternation(documentWords.speakerLabels)})`;

const DASH_RUN = "[—–\\-－─━―‒⸺⸻]{1,6}";

const DATE_CN =
  "(?:\\d{4}|[〇零一二三四五六七八九]{4})年[\\d一二三四五六七八九十]{1,3}月[\\d一二三四五六七八九十]{1,3}日";

const VENUE_RE = new RegExp(
  `^(?:${DASH_RUN})?\\s*(?:[（(])?\\s*(${DATE_CN})?\\s*(?:在)?\\s*([^。！？]{0,80}${MEETING})\\s*上?(?:[)）])?\\s*(.*)$`,
  "u",
);

const VENUE_START = new RegExp(`^[—–\\-－─━―‒]{1,6}|^在|^[（(]?\\s*${DATE_CN}`, "u");

/** A venue line the layout broke in two ("——2026年1月26日在广东省第十四届" / "人民代表大会第五次会议上"). */
const VENUE_TAIL = new RegExp(`^[^。！？，]{0,40}${VENUE_END}上?[)）]?$`, "u");
/** A venue line that ends where it should: not the first half of a broken one. */
const VENUE_ENDED = new RegExp(`${VENUE_END}上?[)）]?$`, "u");

const DATE_LINE_RE = new RegExp(`^[（(]\\s*(${DATE_CN})\\s*[)）]$`, "u");

const ROLES = `(?:${alternation(documentWords.rolePrefixes)})?(?:${alternation(documentWords.roles)})`;

const ROLE_ONLY_RE = new RegExp(`^[^。！？，,：:]{0,24}?${ROLES}$`, "u");

const SPEAKER_RE = new RegExp(
  `^(?:${SPEAKER_LABEL}[：:]\\s*)?([^。！？，,：:]{0,24}?${ROLES})\\s*(\\p{Script=Han}(?:\\s?[\\p{Script=Han}·]){1,9})$`,
  "u",
);

const TITLE_LABELLED = new RegExp(`^${TITLE_LABEL}\\s*[：:]\\s*(.{2,80})$`, "u");
const TITLE_LABEL_ONLY = new RegExp(`^(${TITLE_LABEL}\\s*[：:])`, "u");
const SPEAKER_LABEL_PREFIX = new RegExp(`^${SPEAKER_LABEL}[：:]\\s*`, "u");
const TITLE_THEN_DATE = new RegExp(
  `^(.{2,40}?(?:${alternation(documentWords.titleEndsBeforeDate)}))\\s*()([（(]?\\s*${DATE_CN}.+)$`,
  "u",
);

/** A byline: a role and a name ("天津市市长 张工", "河北省人民政府省长许勤"). */
export function isSpeakerLine(text: string): boolean {
  return text.length <= 40 && SPEAKER_RE.test(text);
}

const KIND_WORDS: [RegExp, string][] = documentWords.kinds.map((k) => [
  new RegExp(alternation(k.words), "u"),
  k.kind,
]);

export function detectKind(title: string): string | undefined {
  for (const [re, kind] of KIND_WORDS) if (re.test(title)) return kind;
  return undefined;
}

export function detectHeader(lines: ClassifiedLine[], meta: ClassifiedDoc["meta"]): string | null {
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
    if (VENUE_START.test(l.text) && !VENUE_ENDED.test(l.text) && l.text.length <= 60) {
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
    if (!takeMeta(l, meta, lines, i)) takeBrokenByline(lines, i, meta);
  }

  // A labelled title ("标题：…") wins; then a line naming a report kind; then the first headline.
  const candidates: number[] = [];
  for (let i = 0; i < end; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "body" || l.kind === "title") candidates.push(i);
  }
  for (const i of candidates) {
    const l = lines[i] as ClassifiedLine;
    const m = TITLE_LABELLED.exec(l.text);
    if (m) {
      title = unLetterSpace((m[1] as string).trim());
      titleIdx = i;
      break;
    }
  }
  if (titleIdx < 0) {
    // Among the first header lines naming a report kind, the fullest one is the title
    // ("保定市满城区2021年政府工作报告" over a breadcrumb "工作报告"; "关于1980、1981年…的报告" over the
    // portal's "1980年国务院政府工作报告"). A 、 between years is no clause break.
    let bestLen = 0;
    for (const i of candidates.slice(0, 8)) {
      const l = lines[i] as ClassifiedLine;
      const t = l.kind === "title" ? (l.heading ?? l.text) : unLetterSpace(l.text.replace(/^#{1,6}\s+/u, ""));
      const ok =
        l.kind === "title" ||
        (TITLE_WORD.test(t) &&
          t.length <= 60 &&
          !isTerminated(t) &&
          !/[，；,;]|(?<!\d)、|、(?!\d)/u.test(t) &&
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
      if (isHeadlineish(t) && !matchScheme(t) && !ADDRESS_OPENER.test(t)) {
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
    const label = TITLE_LABEL_ONLY.exec(tl.text);
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
        !ADDRESS_OPENER.test(sub.text) &&
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
  const split = /^([^—–\-－─]{2,40}?)\s*([—–－─―]{1,2}|-{2,6})\s*(.+)$/u.exec(t) ?? TITLE_THEN_DATE.exec(t);
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
        meta.venue = venueText;
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

/** Pieces of a byline the layout broke over short lines: "河北" / "省省" / "长 季允石". */
const BYLINE_PIECE = /^[\p{Script=Han}·][\p{Script=Han}· ]{0,7}$/u;

function takeBrokenByline(lines: ClassifiedLine[], i: number, meta: ClassifiedDoc["meta"]): void {
  const first = lines[i] as ClassifiedLine;
  if (!BYLINE_PIECE.test(first.text)) return;
  const pieces = [first];
  let text = first.text;
  for (let n = nextContent(lines, i); n >= 0 && pieces.length < 4; n = nextContent(lines, n)) {
    const l = lines[n] as ClassifiedLine;
    // A piece that is a whole byline by itself is no piece of a broken one.
    if (l.kind !== "body" || !BYLINE_PIECE.test(l.text) || SPEAKER_RE.test(l.text)) return;
    pieces.push(l);
    text += l.text;
    const sp = SPEAKER_RE.exec(text);
    if (sp) {
      setSpeaker(meta, sp);
      for (const p of pieces) {
        p.kind = "meta";
        p.furniture = "byline";
      }
      return;
    }
  }
}

function setSpeaker(meta: ClassifiedDoc["meta"], m: RegExpExecArray): void {
  if (meta.speaker) return;
  meta.speaker = (m[2] as string).replace(/\s+/gu, "");
  meta.role = (m[1] as string).replace(SPEAKER_LABEL_PREFIX, "").trim();
}
