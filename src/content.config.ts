// The collection reads the report bodies src/integration.ts generated from content/ as MDX; they are
// rebuilt from content/ by every build.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const reports = defineCollection({
  // Pages render the compiled MDX module; keeping the raw body too would put every report's text
  // into Astro's data store a second time (it is inlined into the build as one JSON string).
  loader: glob({ pattern: "*.mdx", base: "./.generated/reports", retainBody: false }),
  schema: z.object({ slug: z.string() }),
});

// Digests are read from .generated/digests/ by src/site/reports.ts, not through a collection (see
// src/build/digest-store.ts for why).
export const collections = { reports };
