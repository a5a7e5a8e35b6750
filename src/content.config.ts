// The one collection: report bodies that need the MDX compiler (ejected pages with imports,
// expressions or components beyond the report vocabulary), which generate() writes to
// .generated/mdx-pages/. Every other body is compiled to HTML by generate() (src/emit/body-html.ts)
// and read by the report page; digests are read from .generated/digests/ (see
// src/build/digest-store.ts for why neither goes through a collection).

import { defineCollection } from "astro:content";
import { existsSync, readdirSync } from "node:fs";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

const MDX_PAGES = "./.generated/mdx-pages";
// Pages render the compiled MDX module; keeping the raw body too would copy it into the data store.
const mdxPages = glob({ pattern: "*.mdx", base: MDX_PAGES, retainBody: false });

const reports = defineCollection({
  loader: {
    name: "mdx-pages",
    load: async (context) => {
      // Usually no page needs the compiler, and glob would warn about the empty folder every build.
      if (!existsSync(MDX_PAGES) || !readdirSync(MDX_PAGES).some((name) => name.endsWith(".mdx"))) {
        context.store.clear();
        return;
      }
      await mdxPages.load(context);
    },
  },
  schema: z.object({ slug: z.string() }),
});

export const collections = { reports };
