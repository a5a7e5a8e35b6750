// What a build remembers of each source, for the next build to skip what did not change.
import { readFileSync, statSync } from "node:fs";
import { keyOf } from "./cache.ts";
import type { ReportHead } from "./digest-store.ts";

/**
 * What a build remembers of each source (.generated/sources.json): the keys of its parse and of
 * its id registry, and what the report's digest gave. A source whose parse key and registry are
 * unchanged (and whose digest file is there) gives the same report: a rebuild takes it from here
 * instead of reading its cached parse and remembering its ids again.
 */
export interface SourceState {
  /** sourceSeen() when parseKey was computed: while it is the same, parseKey is taken as it is. */
  seen: string;
  parseKey: string;
  registry: string;
  /** Whether the build that made this state recorded the report's ids in its registry. */
  recorded: boolean;
  key: string;
  head: ReportHead;
  warnings: string[];
}

export function readSourceStates(path: string): Record<string, SourceState> {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as Record<string, SourceState>;
  } catch {
    return {}; // First build, or an unreadable file: every report is read in full.
  }
}

/**
 * A source's size and modification time under the ingest code's key: equal, the source's parse
 * key is too, without reading and hashing its bytes (1,000 sources read and hashed twice were most
 * of a warm generate). Taken before the bytes are read, so a save after it changes it for the next
 * generate. astro dev's watch for lost saves trusts the same (src/build/sources-state.ts).
 */
export function sourceSeen(file: string, ingestCode: string): string {
  const { size, mtimeMs } = statSync(file);
  return keyOf(ingestCode, `${size}:${mtimeMs}`);
}
