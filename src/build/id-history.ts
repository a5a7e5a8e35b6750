// Ids are derived from content, so a re-worded heading or an edited paragraph gets a new id and
// would break the links shared before. The id registry (content/ids/<slug>.json, committed with
// the reports) remembers every id a report has had:
// - sections: section id → fingerprint of the section's content. A section whose content matches
//   a remembered id, or whose own id was remembered, keeps the ids of that lineage as aliases, so
//   old links land on it. Only a heading and its text changing in the same edit loses the trail.
// - anchors: section id → the paragraph and figure ids it has held. A paragraph or figure id that
//   is gone becomes an alias of the section that held it: an old link lands on that section.
// Aliases are rendered as hidden anchors at the top of the section (sectionElement in src/site/callouts.ts).
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportDigest, Section, Stat } from "../ingest/types.ts";
import { keyOf } from "./cache.ts";

export interface IdHistory {
  sections: Record<string, string>;
  anchors: Record<string, string[]>;
}

export const idHistoryPath = (dir: string, slug: string) => join(dir, `${slug}.json`);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === "object" && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);

export function loadIdHistory(path: string): IdHistory {
  const data: unknown = existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
  const sections = isRecord(data) && isRecord(data.sections) ? data.sections : {};
  const anchors = isRecord(data) && isRecord(data.anchors) ? data.anchors : {};
  return {
    sections: Object.fromEntries(Object.entries(sections).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
    anchors: Object.fromEntries(Object.entries(anchors).map(([k, v]) => [k, strings(v)])),
  };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stable text for committing: keys sorted, one section per line, so edits diff line by line. */
export function serializeIdHistory(history: IdHistory): string {
  const lines = (record: Record<string, unknown>) =>
    Object.keys(record)
      .sort(byCodeUnit)
      .map((k) => `    ${JSON.stringify(k)}: ${JSON.stringify(record[k])}`)
      .join(",\n");
  return `{\n  "sections": {\n${lines(history.sections)}\n  },\n  "anchors": {\n${lines(history.anchors)}\n  }\n}\n`;
}

/**
 * A section's content: the ids of its blocks and of its subsections' blocks (a heading that only
 * introduces subsections is known by them). Undefined for a section with no text at all.
 */
export function sectionFingerprints(sections: readonly Section[]): (string | undefined)[] {
  return sections.map((section, i) => {
    const ids: string[] = [];
    for (let j = i; j < sections.length; j++) {
      const s = sections[j] as Section;
      if (j > i && s.level <= section.level) break;
      for (const b of s.blocks) ids.push(b.id);
    }
    return ids.length ? createHash("sha256").update(ids.join(",")).digest("hex").slice(0, 12) : undefined;
  });
}

/** Each section's own paragraph and figure ids, sorted. */
function anchorsBySection(sections: readonly Section[], stats: readonly Stat[]): Map<string, string[]> {
  const sectionOfBlock = new Map<string, string>();
  const out = new Map<string, string[]>();
  for (const s of sections) {
    out.set(s.id, []);
    for (const b of s.blocks) {
      sectionOfBlock.set(b.id, s.id);
      out.get(s.id)?.push(b.id);
    }
  }
  for (const stat of stats) out.get(sectionOfBlock.get(stat.blockId) ?? "")?.push(stat.id);
  for (const ids of out.values()) ids.sort(byCodeUnit);
  return out;
}

/** Sections with the aliases their history gives them, and the history to remember next. */
export function rememberIds(
  sections: readonly Section[],
  stats: readonly Stat[],
  history: IdHistory,
): { sections: Section[]; history: IdHistory } {
  const fingerprints = sectionFingerprints(sections);
  const anchors = anchorsBySection(sections, stats);
  const taken = new Set([...sections.map((s) => s.id), ...[...anchors.values()].flat()]);
  const sharedContent = new Set(fingerprints.filter((f, i) => f && fingerprints.indexOf(f) !== i));
  const next: IdHistory = { sections: { ...history.sections }, anchors: { ...history.anchors } };
  const aliases = new Map<string, string[]>(sections.map((s) => [s.id, []]));
  /** Every section id, old or current, → the current section it now names. */
  const current = new Map<string, string>(sections.map((s) => [s.id, s.id]));
  const claim = (alias: string, sectionId: string) => {
    if (taken.has(alias)) return;
    taken.add(alias);
    aliases.get(sectionId)?.push(alias);
  };

  sections.forEach((section, i) => {
    const fingerprint = fingerprints[i];
    if (!fingerprint) return;
    const previous = history.sections[section.id];
    const lineage = Object.keys(history.sections).filter(
      (id) =>
        (history.sections[id] === fingerprint && !sharedContent.has(fingerprint)) ||
        (previous !== undefined && history.sections[id] === previous),
    );
    for (const id of lineage) {
      if (!current.has(id)) current.set(id, section.id);
      claim(id, section.id);
      if (current.get(id) === section.id) next.sections[id] = fingerprint;
    }
    next.sections[section.id] = fingerprint;
  });

  for (const [sectionId, ids] of Object.entries(history.anchors)) {
    const now = current.get(sectionId);
    if (now) for (const id of ids) claim(id, now);
  }
  for (const [sectionId, ids] of anchors) {
    const known = [...new Set([...(history.anchors[sectionId] ?? []), ...ids])];
    if (known.length) next.anchors[sectionId] = known.sort(byCodeUnit);
  }

  const result = sections.map((section) => {
    const own = aliases.get(section.id) ?? [];
    return own.length ? { ...section, aliases: own.sort(byCodeUnit) } : section;
  });
  return { sections: result, history: next };
}

/**
 * The digest with the ids its report had before kept as section aliases (from the report's id
 * registry); the registry's next text goes into `histories`, written with the other outputs.
 */
export function withRememberedIds(
  digest: ReportDigest,
  dir: string | undefined,
  histories: Map<string, string>,
): ReportDigest {
  if (!dir) return digest;
  const registry = loadIdHistory(idHistoryPath(dir, digest.slug));
  const { sections, history } = rememberIds(digest.sections, digest.stats, registry);
  histories.set(digest.slug, serializeIdHistory(history));
  return { ...digest, sections };
}

/** The key of a report's id registry file as it is on disk ("" without one). */
export const registryKey = (dir: string | undefined, slug: string) => {
  const path = dir && idHistoryPath(dir, slug);
  return path && existsSync(path) ? keyOf(readFileSync(path)) : "";
};
