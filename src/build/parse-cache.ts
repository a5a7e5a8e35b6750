// The parse cache: a report's digest and warnings, stored under the hash of its source bytes, its
// path and the ingest code, so a report is parsed again only when it or the parser changed.
import { relative } from "node:path";
import type { FindTerms } from "../ingest/glossary.ts";
import { checkedDigest, type ReportDigest } from "../ingest/types.ts";
import { type FileCache, keyOf } from "./cache.ts";
import { lazyModule } from "./lazy-module.ts";

/** The parser, loaded when a report is parsed rather than read from the cache (see lazy-module.ts). */
export const ingest = lazyModule<typeof import("../ingest/index.ts")>("../ingest/index.ts", import.meta.url);

export interface Parsed {
  digest: ReportDigest;
  warnings: string[];
  /** Content hash of the source and the ingest code: names the digest in later caches. */
  key: string;
  cached: boolean;
}

export const parseKey = (root: string, file: string, bytes: Uint8Array, ingestCode: string) =>
  keyOf(ingestCode, relative(root, file), bytes);

/** A cache entry checked against the digest contract; a damaged one is as good as none. */
function fromCache(entry: string, file: string): { digest: ReportDigest; warnings: string[] } | undefined {
  try {
    const { digest, warnings } = JSON.parse(entry) as { digest: unknown; warnings: string[] };
    return { digest: checkedDigest(digest, file), warnings };
  } catch {
    return undefined;
  }
}

/** Parses one report, or reads the result cached under the same source and code. */
export function parseCached(
  root: string,
  file: string,
  bytes: Uint8Array,
  cache: FileCache,
  ingestCode: string,
  findTerms: FindTerms,
): Parsed {
  const key = parseKey(root, file, bytes, ingestCode);
  const hit = cache.get(key);
  const cached = hit === undefined ? undefined : fromCache(hit, file);
  if (cached) return { ...cached, key, cached: true };
  // Parsed under its path relative to the project, so every message names "content/reports/…".
  const { digest, warnings } = ingest().parseReport({ bytes, path: relative(root, file), findTerms });
  cache.set(key, JSON.stringify({ digest, warnings }));
  return { digest, warnings, key, cached: false };
}
