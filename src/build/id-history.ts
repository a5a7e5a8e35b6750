// Section ids are the pinyin of their headings, so re-wording a heading changes its id and would
// break every link shared before. The id registry (content/ids/<slug>.json, committed with the
// reports) remembers, for every section id a report has had, a fingerprint of that section's
// content. A section whose content matches a remembered id, or whose own id was remembered, keeps
// the ids of that lineage as aliases (rendered as hidden anchors), so old links still land on it.
// Only a heading and its text changing in the same edit loses the trail.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Section } from "../ingest/types.ts";

/** Section id → fingerprint of the section's content when that id was last seen. */
export type IdHistory = Record<string, string>;

export const idHistoryPath = (dir: string, slug: string) => join(dir, `${slug}.json`);

export function loadIdHistory(path: string): IdHistory {
  if (!existsSync(path)) return {};
  const data: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  return Object.fromEntries(Object.entries(data).filter(([, v]) => typeof v === "string")) as IdHistory;
}

/** Stable text for committing: keys sorted, one per line. */
export function serializeIdHistory(history: IdHistory): string {
  const sorted = Object.fromEntries(Object.entries(history).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify(sorted, null, 2)}\n`;
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

/**
 * Sections with the aliases their history gives them, and the history to remember next. `taken`
 * are the page's other ids (blocks, figures): an alias never shadows one of them.
 */
export function rememberSectionIds(
  sections: readonly Section[],
  history: IdHistory,
  taken: ReadonlySet<string> = new Set(),
): { sections: Section[]; history: IdHistory } {
  const fingerprints = sectionFingerprints(sections);
  const current = new Set(sections.map((s) => s.id));
  const sharedContent = new Set(fingerprints.filter((f, i) => f && fingerprints.indexOf(f) !== i));
  const next: IdHistory = { ...history };
  const claimed = new Set<string>();

  const result = sections.map((section, i) => {
    const fingerprint = fingerprints[i];
    if (!fingerprint) return section;
    const previous = history[section.id];
    const lineage = Object.keys(history).filter(
      (id) =>
        (history[id] === fingerprint && !sharedContent.has(fingerprint)) ||
        (previous !== undefined && history[id] === previous),
    );
    const aliases = lineage.filter((id) => !current.has(id) && !taken.has(id) && !claimed.has(id));
    for (const id of [section.id, ...aliases]) {
      next[id] = fingerprint;
      claimed.add(id);
    }
    return aliases.length ? { ...section, aliases: aliases.sort() } : section;
  });
  return { sections: result, history: next };
}
