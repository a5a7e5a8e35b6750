// The collections read what src/integration.ts generated from content/: the report bodies as MDX
// and their digests as JSON. Both are rebuilt from content/ by every build.
import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const reports = defineCollection({
  // Pages render the compiled MDX module; keeping the raw body too would put every report's text
  // into Astro's data store a second time (it is inlined into the build as one JSON string).
  loader: glob({ pattern: "*.mdx", base: "./.generated/reports", retainBody: false }),
  schema: z.object({ slug: z.string() }),
});

// Digests were validated by the parser; the page code reads them through the ReportDigest type.
const digests = defineCollection({
  loader: glob({ pattern: "*.json", base: "./.generated/digests" }),
});

export const collections = { reports, digests };
