// The index's keys: Chinese text as single characters and character pairs (so any part of a word
// is found, and no segmenter at index time can disagree with the one at query time), and runs of
// Latin letters and figures as whole tokens (785.6, 5.2%, gdp), so 12 never matches 120.
import { normalize } from "./query.ts";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A figure or Latin word: 785.6, 5.2%, gdp, 5g. */
const TOKEN = /[0-9a-z]+(?:[.][0-9]+)*%?/g;

function* keys(text: string): Generator<string> {
  const t = normalize(text);
  for (let i = 0; i < t.length; i++) {
    const c = t[i] as string;
    if (!HAN.test(c)) continue;
    yield c;
    const next = t[i + 1];
    if (next && HAN.test(next)) yield c + next;
  }
  for (const m of t.matchAll(TOKEN)) {
    yield m[0];
    // A percentage is also found by its number alone (5.2 finds 5.2%).
    if (m[0].endsWith("%")) yield m[0].slice(0, -1);
  }
}

/** Every key of a section's text with how often it occurs. */
export function keyCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys(text)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

/**
 * The keys a section must have to hold `term`: its character pairs (or its one character) and its
 * figures and Latin words. Every key of a section that holds the term is among these.
 */
export function termKeys(term: string): string[] {
  const t = normalize(term);
  const han = [...t].filter((c) => HAN.test(c));
  const pairs = [...keys(t)].filter(
    (k) => k.length === 2 && HAN.test(k[0] as string) && HAN.test(k[1] as string),
  );
  const hanKeys = pairs.length ? pairs : han.slice(0, 1);
  const tokens = [...t.matchAll(TOKEN)].map((m) => m[0]);
  return [...new Set([...hanKeys, ...tokens])];
}

/** Which shard file holds a key (FNV-1a over UTF-16 code units). */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % shards;
}
