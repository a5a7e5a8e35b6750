// Readable, stable ASCII URL segments for Chinese names (上街区 → shangjiequ, 经济发展 → jingjifazhan).
// Names that share a pinyin spelling get -2, -3 … in code-point order of the names, so a segment
// only changes when a homophone is added, never between builds of the same content.
import { pinyin } from "pinyin-pro";

export function asciiSlug(name: string): string {
  const syllables = pinyin(name, { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const slug = syllables
    .join(" ")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // Syllables run together read as the place name does (shangjiequ); hyphens only split non-CJK runs.
  return slug.replace(/(?<=[a-z])-(?=[a-z])/g, "") || "x";
}

/** Name → slug for a set of names, unique and independent of the order the names come in. */
export function slugMap(names: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const taken = new Map<string, number>();
  const out = new Map<string, string>();
  for (const name of sorted) {
    const base = asciiSlug(name);
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    out.set(name, n === 1 ? base : `${base}-${n}`);
  }
  return out;
}
