// The index's keys: Chinese text as single characters and character pairs (so any part of a word
// is found, and no segmenter at index time can disagree with the one at query time), and runs of
// Latin letters and figures as whole tokens (785.6, 5.2%, gdp), so 12 never matches 120.
import { normalize } from "./query.ts";

/** A figure or Latin word: 785.6, 5.2%, gdp, 5g. */
const TOKEN = /[0-9a-z]+(?:[.][0-9]+)*%?/g;

const isHan = (code: number) => (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

/**
 * A key while the index is built: a Han character or pair as a number (its UTF-16 code, or
 * first * 65536 + second: map lookups on numbers are several times faster than on fresh strings,
 * and a book of reports has millions of them), a figure or word as itself.
 */
export type KeyId = number | string;

/** The key a KeyId stands for. */
export const keyOfId = (id: KeyId): string =>
  typeof id === "string"
    ? id
    : id < 0x10000
      ? String.fromCharCode(id)
      : String.fromCharCode(Math.floor(id / 0x10000), id % 0x10000);

/**
 * Visits every key occurrence of a section's text: each Han character and character pair as a
 * number (see KeyId), then each figure or Latin word.
 */
export function forEachKey(text: string, han: (code: number) => void, token: (key: string) => void): void {
  const t = normalize(text);
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (!isHan(c)) continue;
    han(c);
    const next = t.charCodeAt(i + 1);
    if (isHan(next)) han(c * 0x10000 + next);
  }
  for (const m of t.matchAll(TOKEN)) {
    token(m[0]);
    // A percentage is also found by its number alone (5.2 finds 5.2%).
    if (m[0].endsWith("%")) token(m[0].slice(0, -1));
  }
}

/** Every key of a section's text with how often it occurs. */
export function keyIdCounts(text: string): Map<KeyId, number> {
  const counts = new Map<KeyId, number>();
  const add = (k: KeyId) => counts.set(k, (counts.get(k) ?? 0) + 1);
  forEachKey(text, add, add);
  return counts;
}

/**
 * The keys a section must have to hold `term`: its character pairs (or its one character) and its
 * figures and Latin words. Every key of a section that holds the term is among these.
 */
export function termKeys(term: string): string[] {
  const t = normalize(term);
  const han = [...t].filter((c) => isHan(c.charCodeAt(0)));
  // In order of first occurrence, as the map keeps them.
  const pairs = [...keyIdCounts(t).keys()].filter((k) => typeof k === "number" && k >= 0x10000).map(keyOfId);
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
