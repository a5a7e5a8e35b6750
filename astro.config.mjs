// @ts-check

import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { buildMode, shardOutDir } from "./src/build/build-mode.ts";
import { layout } from "./src/build/layout.ts";
import reportDigest from "./src/integration.ts";
import { calloutPlugin } from "./src/site/callout-plugin.ts";
import { glossaryTerm } from "./src/site/glossary-terms.ts";

// Report text is data: no GFM autolinks/tables/strikethrough and no smart punctuation, so the
// compiler never rewrites or links what a report says. The emitter only produces CommonMark + MDX.
// The callout plugin compiles the reports' <Block>/<Stat>/<Term> into plain HTML (src/site/callouts.ts).
const processor = satteri({
  features: { gfm: false, smartPunctuation: false },
  hastPlugins: [calloutPlugin(glossaryTerm)],
});

const mode = buildMode();

export default defineConfig({
  // Astro's content-layer cache (data store) beside our other caches rather than in node_modules,
  // so a project sharing node_modules (the benchmark's) keeps its own.
  cacheDir: layout(".").astroCache,
  site: process.env.SITE_URL ?? "https://report-digest.example.org",
  trailingSlash: "always",
  markdown: { processor },
  integrations: [reportDigest(), mdx({ processor, optimize: true })],
  build: { format: "directory" },
  // A build shard's site goes beside dist/ (npm run join takes it from there); --outDir overrides.
  ...(mode.kind === "shard" ? { outDir: shardOutDir(mode.shard) } : {}),
  // Pages with a cache key (src/site/page-keys.ts) whose data and code are unchanged are copied
  // from the previous build instead of rendered again.
  experimental: { incrementalBuild: true },
  vite: {
    logLevel: "warn",
    build: {
      // Never inline small scripts into the HTML: pages stay free of inline scripts (strict CSP).
      assetsInlineLimit: 0,
      rollupOptions: {
        onwarn(warning, warn) {
          // Every .mdx module carries a "use strict"-style directive Vite reports as MODULE_LEVEL_DIRECTIVE.
          if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
          warn(warning);
        },
      },
    },
  },
});
