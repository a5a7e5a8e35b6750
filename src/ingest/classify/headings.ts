// The body: which lines are headings (numbered, Markdown, newspaper headlines, a number on its own
// line), which are photo captions, and which body lines open list items or carry a bold lead-in.
import headingWords from "../lexicon/headings.json" with { type: "json" };
import { alternation, charClass, endsMidClause, isTerminated } from "../text.ts";
import { PHOTO_CREDIT } from "./furniture.ts";
import {
  APPENDIX_LABEL,
  type ClassifiedLine,
  countBlanksBefore,
  isHeadlineish,
  nextContent,
  previousContent,
} from "./lines.ts";
import { matchScheme } from "./schemes.ts";

const ORDINAL_ITEM = new RegExp(
  `^(?:[一二三四五六七八九十]{1,3}是|${alternation(headingWords.enumerationWords)}|第[一二三四五六七八九十]{1,3}[，,、])`,
  "u",
);

const DEFINITION = alternation(headingWords.definitionWords);
const DEFINITION_WORD = new RegExp(DEFINITION, "u");
/** "1、物联网：是指…" defines a term: a list item, not a heading. */
const DEFINES_TERM = new RegExp(`[：:].|${DEFINITION}`, "u");
const TITLE_DEFINITION_WORD = new RegExp(alternation(headingWords.titleDefinitionWords), "u");
const PROJECT_NAME_END = new RegExp(`(?:${alternation(headingWords.projectWords)})。$`, "u");
const BROKEN_HEADLINE_END = new RegExp(`${charClass(headingWords.brokenHeadlineEnds)}$`, "u");

const DASH_ITEM = /^(?:——|—|--|-|－－|─)(?!\d|$)/u;

const FIRST_SENTENCE = /^[^。！？；!?;]{2,60}?[。！？；!?;]/u;

/** A numbered title sentence: 一、 or （一） and one short statement, not a definition or a clause list. */
function isRunInTitle(scheme: { rank: number; scheme: string }, sentence: string): boolean {
  // "第一，…。…" opens one of a speech's enumerated points, not a sub-title.
  if (scheme.scheme === "ordinal") return false;
  // "1、农村饮水安全工程。重点解决…": a numbered project heads its paragraph when its title is a name;
  // a project's name may list its parts ("县城小学、幼儿园建设工程").
  if (scheme.rank === 3)
    return (
      sentence.length <= 24 &&
      /。$/u.test(sentence) &&
      !/[，,：:；;]/u.test(sentence) &&
      !DEFINITION_WORD.test(sentence) &&
      (!sentence.includes("、") || PROJECT_NAME_END.test(sentence))
    );
  return (
    scheme.rank >= 1 &&
    scheme.rank <= 2 &&
    /[。！]$/u.test(sentence) &&
    sentence.length >= 5 &&
    !/[：:；;]/u.test(sentence) &&
    !TITLE_DEFINITION_WORD.test(sentence) &&
    // Up to three clauses in 40 characters, two in 48; a title may list what it covers with 、.
    (sentence.match(/[，,]/gu)?.length ?? 0) <=
      (sentence.length <= 40 ? 2 : sentence.length <= 48 ? 1 : -1) &&
    (sentence.match(/、/gu)?.length ?? 0) <= 3
  );
}

function hasImageCredits(lines: ClassifiedLine[]): boolean {
  return lines.some(
    (l) =>
      (l.kind === "furniture" && (l.furniture === "credit" || l.furniture === "caption")) ||
      (l.kind === "furniture" && l.furniture === "byline" && PHOTO_CREDIT.test(l.text)),
  );
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

/**
 * Whether the file's paragraphs are cut into lines (a print layout, a hard-wrapped copy): many
 * longer lines stop mid-sentence and go on in the next line.
 */
function isHardWrapped(lines: ClassifiedLine[]): boolean {
  let long = 0;
  let cut = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind !== "body" || l.text.length < 20) continue;
    long++;
    if (!isTerminated(l.text) && !/[：:]$/u.test(l.text)) cut++;
  }
  return long > 0 && cut > long * 0.2;
}

function nextIsHeadline(lines: ClassifiedLine[], i: number): boolean {
  const n = nextContent(lines, i);
  if (n < 0) return true;
  const nl = lines[n] as ClassifiedLine;
  return nl.kind === "body" && isHeadlineish(nl.text) && / /u.test(nl.text);
}

/** A line that goes on with the sentence above it ("家、100家…", "是：地区生产总值…"). */
function picksUpMidClause(text: string): boolean {
  return /^(?:\p{Script=Han}[、，,。；;：:）)]|[、，,。；;：:）)%])/u.test(text);
}

/** One short sentence alone on its line: "这是经济实力持续提升的五年。", "——扎实抓好…，…持续夯实。". */
function isSubtitleSentence(text: string): boolean {
  return (
    text.length >= 6 &&
    text.length <= 50 &&
    /^[^。！？；!?;：:]+[。！]$/u.test(text) &&
    // A figure makes it a statement ("计划生育，人口自然增长率为1%。"), not a title.
    !/\d/u.test(text) &&
    (text.match(/[，,]/gu)?.length ?? 0) <= 2
  );
}

/** Where a section's sub-titles stand in a row of their own, this many make a series… */
const SERIES = 3;
/** …each within this many paragraphs of the one before. */
const SERIES_GAP = 5;

/** Sub-titles of one series share their form: an opening ("这是", "N是", "——", "五年来") or being one bare phrase. */
function sameSubtitleForm(a: string, b: string): boolean {
  const opening = (t: string) => t.slice(0, 2).replace(/[一二三四五六七八九十]/gu, "N");
  const bare = (t: string) => !/[，,、]/u.test(t);
  return opening(a) === opening(b) || (bare(a) && bare(b));
}

/**
 * Unnumbered sub-titles: within one section, three or more parallel sentences each standing alone
 * on its line above a paragraph of its own ("这是…的五年。", 一是… or ——… lines of newspaper
 * reports). A lone one is a paragraph's bold lead-in (repair.ts), a run of them is a list, and
 * unlike sentences scattered through a long section are just short paragraphs.
 */
function liftSubtitleSeries(lines: ClassifiedLine[]): void {
  let series: { line: ClassifiedLine; at: number }[] = [];
  const lift = () => {
    if (series.length >= SERIES) {
      for (const { line: l } of series) {
        l.kind = "heading";
        l.scheme = "headline";
        l.heading = l.text;
        delete l.item;
        delete l.lead;
      }
    }
    series = [];
  };
  let prev: ClassifiedLine | undefined;
  let at = 0; // paragraphs seen: a hard-wrapped paragraph is one, whatever its lines
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ClassifiedLine;
    if (l.kind === "blank" || l.kind === "furniture") continue;
    const opens = prev === undefined || prev.kind !== "body" || isTerminated(prev.text);
    if (opens) at++;
    if (l.kind === "heading") lift();
    const next = lines[nextContent(lines, i)];
    if (
      l.kind === "body" &&
      !l.glue &&
      opens &&
      isSubtitleSentence(l.text) &&
      next?.kind === "body" &&
      !next.glue &&
      !isSubtitleSentence(next.text) &&
      !matchScheme(next.text)
    ) {
      const last = series[series.length - 1];
      if (last && (at - last.at > SERIES_GAP || !sameSubtitleForm(last.line.text, l.text))) lift();
      series.push({ line: l, at });
    }
    prev = l;
  }
  lift();
}

export function classifyBody(lines: ClassifiedLine[], fragments: Set<string>): void {
  const images = hasImageCredits(lines);
  const usesBlankLines = blankLinesSeparateParagraphs(lines);
  const wrapped = isHardWrapped(lines);
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
        // A run-in heading's line is its paragraph already.
        if (!prev.runIn) prev.text = prev.heading ?? prev.text;
        delete prev.runIn;
        delete prev.heading;
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
    // "附件1" above "2026年省十件民生实事": the appendix's title is a heading numbered by the label,
    // which leaves the body as furniture (its characters stay in the digest).
    const below = APPENDIX_LABEL.test(t) && !continuing ? lines[nextContent(lines, i)] : undefined;
    if (below?.kind === "body" && isHeadlineish(below.text)) {
      l.kind = "furniture";
      l.furniture = "other";
      below.kind = "heading";
      below.scheme = "headline";
      below.heading = below.text;
      below.number = t;
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
      const definition = DEFINES_TERM.test(rest);
      // A heading without a full stop is one clause or two; the next line never picks up mid-word.
      const nextLine = lines[nextContent(lines, i)];
      const cutBelow = nextLine !== undefined && /^\p{Script=Han}[，,。；;、：:）)”]/u.test(nextLine.text);
      const headingLike =
        lone &&
        !definition &&
        !cutBelow &&
        // Two clauses fit a heading; 30-odd characters with a comma are a hard-wrapped paragraph start,
        // unless the file's paragraphs stand on one line each.
        (endsStop ||
          commas === 0 ||
          (commas === 1 && t.length <= 28) ||
          (commas === 2 && t.length <= 24) ||
          (!wrapped && scheme.rank <= 2 && commas <= 3)) &&
        t.length <= maxLen &&
        !endsMidClause(t) &&
        (!endsStop || (t.length <= 40 && commas <= 1 && scheme.rank <= 2)) &&
        !(scheme.rank >= 3 && commas > 0);
      // "（四）推动供需高水平动态适配，在建设强大国内市场中努力扩大…投资。" alone on its line above
      // its paragraph: a sub-title of any length; a line of such sentences in a row is a list.
      const ownLineTitle =
        lone &&
        endsStop &&
        !definition &&
        !cutBelow &&
        scheme.rank <= 2 &&
        t.length <= 64 &&
        nextLine !== undefined &&
        nextLine.kind === "body" &&
        matchScheme(nextLine.text)?.scheme !== scheme.scheme;
      if (headingLike || ownLineTitle) {
        l.kind = "heading";
        l.scheme = scheme.scheme;
        l.heading = t;
        prevBody = null;
        continue;
      }
      // A numbered lead-in sentence running on into its paragraph stays body, rendered bold.
      if (stop && stop.index < rest.length - 1 && scheme.marker.length + stop.index + 1 <= 50) {
        l.lead = scheme.marker.length + stop.index + 1;
        // "（一）全力以赴稳增长，经济运行回升向好。2023年…": a sub-title set run-in, as national
        // reports print them. It heads a section (the table of contents lists it) while the sentence
        // stays the paragraph's bold opening.
        if (!continuing && isRunInTitle(scheme, rest.slice(0, stop.index + 1))) {
          l.kind = "heading";
          l.scheme = scheme.scheme;
          l.heading = t.slice(0, l.lead - 1);
          l.runIn = true;
          prevBody = null;
          continue;
        }
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
      const shortNext =
        nl !== undefined &&
        nl.kind === "body" &&
        isHeadlineish(nl.text) &&
        !matchScheme(nl.text) &&
        !fragments.has(nl.text) &&
        nl.text.length <= 12;
      // The next line picks up mid-clause ("家、100家…"), or the one after it does (bold words set on
      // lines of their own: "“十五五”时期经济社会发展的 / 主要目标 / 是：…"): this line starts a sentence.
      const continuedBelow =
        nl !== undefined &&
        (picksUpMidClause(nl.text) ||
          (shortNext && picksUpMidClause(lines[nextContent(lines, n)]?.text ?? "")));
      // A headline broken over two lines by the layout ("2023年,重点抓好" / "六个方面工作").
      if (
        nl &&
        shortNext &&
        !continuedBelow &&
        (/[,，]/u.test(t) || BROKEN_HEADLINE_END.test(t)) &&
        t.length + nl.text.length <= 30
      ) {
        l.kind = "heading";
        l.scheme = "headline";
        l.heading = t + nl.text;
        nl.kind = "blank";
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
  liftSubtitleSeries(lines);
}
