// The baseline a user would otherwise pick: stock Starlight building the same reports as plain
// Markdown (ANCHORS.md). Installed once from the registry into .cache/bench-starlight and reused.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { stripFrontMatter } from "./reports.ts";

const VERSIONS = { astro: "7.3.5", "@astrojs/starlight": "0.42.4" };

const CONFIG = `import starlight from "@astrojs/starlight";
import { defineConfig } from "astro/config";
export default defineConfig({
  integrations: [
    starlight({
      title: "报告",
      defaultLocale: "root",
      locales: { root: { label: "简体中文", lang: "zh-CN" } },
    }),
  ],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from "astro:content";
import { docsLoader } from "@astrojs/starlight/loaders";
import { docsSchema } from "@astrojs/starlight/schema";
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** Installs Starlight into `cacheDir` unless the same versions are already there. */
export function ensureStarlight(cacheDir: string): void {
  // Starlight's Markdown compiler at the project's own version: the same compiler on both sides,
  // and a range the registry may not serve yet (satteri ^0.11.6 from a newer @astrojs/mdx) never
  // breaks the install.
  const satteri = JSON.parse(
    readFileSync(join(import.meta.dirname, "../../node_modules/satteri/package.json"), "utf8"),
  ) as { version: string };
  const manifest = JSON.stringify(
    {
      name: "bench-starlight",
      private: true,
      type: "module",
      dependencies: VERSIONS,
      overrides: { satteri: satteri.version },
    },
    null,
    2,
  );
  const manifestPath = join(cacheDir, "package.json");
  const modules = join(cacheDir, "node_modules");
  const installed = existsSync(manifestPath) && readFileSync(manifestPath, "utf8") === manifest;
  if (!installed || !existsSync(join(modules, "@astrojs/starlight"))) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(manifestPath, manifest);
    console.log(`installing Starlight ${VERSIONS["@astrojs/starlight"]} into ${cacheDir} …`);
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: cacheDir,
      stdio: "inherit",
    });
  }
}

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]<>#+\-!|~]/gu;
const escapeMarkdown = (line: string) => line.replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`);

/**
 * The naive conversion ANCHORS.md measured: first line = title, short lines = headings, every
 * other line one paragraph; no repair, no furniture removal.
 */
export function toNaiveMarkdown(text: string): string {
  const lines = stripFrontMatter(text)
    .split(/\r?\n/u)
    .map((l) => l.trim())
    .filter(Boolean);
  const [title = "报告", ...rest] = lines;
  const body = rest.map((line) =>
    line.length <= 20 && !/[。；！？]$/u.test(line) ? `## ${escapeMarkdown(line)}` : escapeMarkdown(line),
  );
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body.join("\n\n")}\n`;
}

/**
 * A Starlight project over the given report files in `dir`, which must lie inside the install
 * directory: it resolves the cached node_modules from its parent (Vite mis-resolves Starlight's
 * components through a symlinked node_modules).
 */
export function makeStarlightProject(dir: string, reports: string[]): void {
  const docs = join(dir, "src/content/docs");
  mkdirSync(join(docs, "reports"), { recursive: true });
  // Astro bundles (rather than externalises) the dependencies a project's package.json lists.
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "bench-starlight-site", type: "module", dependencies: VERSIONS }),
  );
  writeFileSync(join(dir, "astro.config.mjs"), CONFIG);
  writeFileSync(join(dir, "src/content.config.ts"), CONTENT_CONFIG);
  writeFileSync(join(docs, "index.md"), "---\ntitle: 报告\n---\n\n全部报告见侧栏。\n");
  for (const file of reports) {
    const slug = basename(file).replace(/\.[^.]+$/u, "");
    writeFileSync(join(docs, "reports", `${slug}.md`), toNaiveMarkdown(readFileSync(file, "utf8")));
  }
}
