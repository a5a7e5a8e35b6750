// Section annotation: topic tags (lexicon/topics.json) and review/plan mode (lexicon/modes.json).
// Pure and deterministic: the same sections and stats always give the same tags.
import { z } from "zod";
import { createPhraseMatcher } from "./glossary.ts";
import modesLexicon from "./lexicon/modes.json" with { type: "json" };
import topicsLexicon from "./lexicon/topics.json" with { type: "json" };
import type { Section, SectionMode, Stat } from "./types.ts";

const topicsSchema = z.object({
  headingWeight: z.number().positive(),
  maxCount: z.number().int().positive(),
  minScore: z.number().positive(),
  relativeMin: z.number().min(0).max(1),
  maxTopics: z.number().int().positive(),
  stopPhrases: z.array(z.string().min(1)),
  topics: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
        name: z.string().min(1),
        keywords: z.array(z.object({ word: z.string().min(1), weight: z.number().positive() })).min(1),
      }),
    )
    .min(1),
});

const cueSchema = z.record(z.string().min(1), z.number().positive());
const modesSchema = z.object({
  headingWeight: z.number().positive(),
  targetStatWeight: z.number().min(0),
  resultStatWeight: z.number().min(0),
  inheritWeight: z.number().min(0),
  smoothing: z.number().positive(),
  review: z.object({ words: cueSchema, heading: cueSchema }),
  plan: z.object({ words: cueSchema, heading: cueSchema }),
});

const topicsData = topicsSchema.parse(topicsLexicon);
const modesData = modesSchema.parse(modesLexicon);

export interface Topic {
  id: string;
  name: string;
}

export const topics: readonly Topic[] = topicsData.topics.map(({ id, name }) => Object.freeze({ id, name }));

export function topicByName(name: string): Topic | undefined {
  return topics.find((t) => t.name === name);
}

interface KeywordRef {
  topic: number;
  weight: number;
}

// One matcher over every topic's keywords: a word listed under several topics scores for each.
const keywordMatcher = (() => {
  const refs = new Map<string, KeywordRef[]>();
  topicsData.topics.forEach((topic, index) => {
    for (const { word, weight } of topic.keywords) {
      const list = refs.get(word) ?? [];
      list.push({ topic: index, weight });
      refs.set(word, list);
    }
  });
  const stops = topicsData.stopPhrases.map((surface) => ({
    surface,
    value: [] as KeywordRef[],
    block: true,
  }));
  return createPhraseMatcher([...[...refs].map(([surface, value]) => ({ surface, value })), ...stops]);
})();

type Side = "review" | "plan";

function cueMatcher(part: "words" | "heading") {
  const specs: { surface: string; value: { side: Side; weight: number } }[] = [];
  for (const side of ["review", "plan"] as const) {
    for (const [surface, weight] of Object.entries(modesData[side][part])) {
      specs.push({ surface, value: { side, weight } });
    }
  }
  return createPhraseMatcher(specs);
}

const bodyCues = cueMatcher("words");
const headingCues = cueMatcher("heading");

function topicScores(section: Section): number[] {
  const scores = topicsData.topics.map(() => 0);
  if (section.heading) {
    for (const hit of keywordMatcher(section.heading)) {
      for (const ref of hit.value)
        scores[ref.topic] = (scores[ref.topic] ?? 0) + ref.weight * topicsData.headingWeight;
    }
  }
  // Repetition counts, but only up to maxCount: one word said ten times is not ten signals.
  const counts = new Map<string, { refs: KeywordRef[]; n: number }>();
  for (const block of section.blocks) {
    for (const hit of keywordMatcher(block.text)) {
      const entry = counts.get(hit.surface);
      if (entry) entry.n++;
      else counts.set(hit.surface, { refs: hit.value, n: 1 });
    }
  }
  for (const { refs, n } of counts.values()) {
    const times = Math.min(n, topicsData.maxCount);
    for (const ref of refs) scores[ref.topic] = (scores[ref.topic] ?? 0) + ref.weight * times;
  }
  return scores;
}

function pickTopics(scores: number[]): string[] {
  const best = Math.max(0, ...scores);
  if (best < topicsData.minScore) return [];
  const floor = Math.max(topicsData.minScore, best * topicsData.relativeMin);
  return scores
    .map((score, index) => ({ score, index }))
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, topicsData.maxTopics)
    .map((s) => topicsData.topics[s.index]?.name ?? "");
}

interface Evidence {
  review: number;
  plan: number;
}

const YEAR = /(?:19|20)\d{2}(?=年)/gu;

/** Which heading years are the plan year: the report year when known, else the latest year named in a heading. */
function planYear(sections: readonly Section[], reportYear: number | undefined): number | undefined {
  if (reportYear !== undefined) return reportYear;
  const years = new Set<number>();
  for (const s of sections) for (const y of s.heading?.match(YEAR) ?? []) years.add(Number(y));
  return years.size >= 2 ? Math.max(...years) : undefined;
}

function ownEvidence(section: Section, stats: readonly Stat[], yearOfPlan: number | undefined): Evidence {
  const ev: Evidence = { review: 0, plan: 0 };
  const w = modesData.headingWeight;
  if (section.heading) {
    for (const hit of headingCues(section.heading)) ev[hit.value.side] += hit.value.weight * w;
    if (yearOfPlan !== undefined) {
      for (const y of section.heading.match(YEAR) ?? []) {
        const year = Number(y);
        if (year === yearOfPlan) ev.plan += w;
        else if (year < yearOfPlan && year >= yearOfPlan - 5) ev.review += w;
      }
    }
  }
  for (const block of section.blocks) {
    for (const hit of bodyCues(block.text)) ev[hit.value.side] += hit.value.weight;
  }
  for (const stat of stats) {
    if (stat.kind === "target" || stat.target === true) ev.plan += modesData.targetStatWeight;
    else ev.review += modesData.resultStatWeight;
  }
  return ev;
}

/** In [-1, 1]: positive leans plan, negative leans review; smoothing keeps thin evidence near 0. */
const lean = (ev: Evidence) => (ev.plan - ev.review) / (ev.plan + ev.review + modesData.smoothing);

export interface AnnotateOptions {
  /** The year the report was delivered (meta.year); headings naming it are plan headings. */
  year?: number;
}

/**
 * Returns the sections with `topics` (0–3 topic names, best first) and `mode` ("review" or "plan";
 * left unset when nothing in the section or its parents hints either way). A sub-section leans
 * toward its parent's whole subtree, so "全力稳住经济大盘" under a review heading stays review
 * unless its own text clearly plans.
 */
export function annotateSections(
  sections: readonly Section[],
  stats: readonly Stat[],
  options: AnnotateOptions = {},
): Section[] {
  const statsByBlock = new Map<string, Stat[]>();
  for (const stat of stats) {
    const list = statsByBlock.get(stat.blockId) ?? [];
    list.push(stat);
    statsByBlock.set(stat.blockId, list);
  }
  const yearOfPlan = planYear(sections, options.year);
  const own = sections.map((section) =>
    ownEvidence(
      section,
      section.blocks.flatMap((b) => statsByBlock.get(b.id) ?? []),
      yearOfPlan,
    ),
  );

  // Parent links from the flat list: the nearest earlier section with a lower level.
  const parent: (number | undefined)[] = [];
  const stack: number[] = [];
  sections.forEach((section, i) => {
    while (stack.length > 0 && (sections[stack[stack.length - 1] ?? 0]?.level ?? 0) >= section.level)
      stack.pop();
    parent.push(stack[stack.length - 1]);
    stack.push(i);
  });
  const subtree: Evidence[] = own.map((ev) => ({ ...ev }));
  for (let i = sections.length - 1; i >= 0; i--) {
    const p = parent[i];
    const ev = subtree[i];
    const target = p === undefined ? undefined : subtree[p];
    if (ev && target) {
      target.review += ev.review;
      target.plan += ev.plan;
    }
  }

  // inherited[i]: how the enclosing sections lean (parent's whole subtree, then grandparents, damped).
  const inherited: number[] = [];
  const result: Section[] = [];
  sections.forEach((section, i) => {
    const p = parent[i];
    const ev = own[i] ?? { review: 0, plan: 0 };
    const fromParent =
      p === undefined
        ? 0
        : lean(subtree[p] ?? { review: 0, plan: 0 }) + modesData.inheritWeight * (inherited[p] ?? 0);
    inherited.push(fromParent);
    const evidence = ev.review + ev.plan > 0 || fromParent !== 0;
    const score = lean(ev) + modesData.inheritWeight * fromParent;
    let mode: SectionMode | undefined;
    if (evidence && score > 0) mode = "plan";
    else if (evidence && score < 0) mode = "review";

    const annotated: Section = { ...section, topics: pickTopics(topicScores(section)) };
    if (mode) annotated.mode = mode;
    else delete annotated.mode;
    result.push(annotated);
  });
  return result;
}
