// What a build remembers of each source, for the next build to skip what did not change.
import { readFileSync } from "node:fs";
import type { ReportHead } from "./digest-store.ts";

/**
 * What a build remembers of each source (.generated/sources.json): the keys of its parse and of
 * its id registry, and what the report's digest gave. A source whose parse key and registry are
 * unchanged (and whose digest file is there) gives the same report: a rebuild takes it from here
 * instead of reading its cached parse and remembering its ids again.
 */
export interface SourceState {
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
