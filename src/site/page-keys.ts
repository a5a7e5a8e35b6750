// Cache keys for Astro's incremental build (experimental.incrementalBuild): a page whose key and
// code are unchanged since the last build is copied from it instead of rendered again. A key
// covers every piece of data the page shows that Astro cannot see (it tracks code and the compiled
// MDX itself); no key means the page is always rendered.
import { keyOf as hashOf } from "../build/cache.ts";
import { glossaryKey } from "./glossary-terms.ts";
import type { ReportListing } from "./reports.ts";

/** A key for any plain data the page shows (compared by its JSON). */
export const keyOf = (...parts: unknown[]) => hashOf(JSON.stringify(parts));

/** A report page shows its digest, its body and glossary explanations. */
export function reportPageKey(listing: ReportListing): string | undefined {
  if (!listing.key) return undefined;
  return keyOf(listing.key, listing.bodyKey, glossaryKey());
}
