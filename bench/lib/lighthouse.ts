// Lighthouse (mobile, its defaults) on pages of a locally served build: the four category scores.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

export type LighthouseScores = Record<"performance" | "accessibility" | "best-practices" | "seo", number>;

export function lighthouse(repoRoot: string, url: string): LighthouseScores {
  const out = execFileSync(
    join(repoRoot, "node_modules/.bin/lighthouse"),
    [
      url,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--only-categories=performance,accessibility,best-practices,seo",
      "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" },
      maxBuffer: 256 * 1024 * 1024,
    },
  ).toString();
  const report = JSON.parse(out) as { categories: Record<string, { score: number | null }> };
  const score = (id: keyof LighthouseScores) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    "best-practices": score("best-practices"),
    seo: score("seo"),
  };
}
