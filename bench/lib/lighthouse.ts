// Lighthouse (mobile, its defaults) on pages of a locally served build: the four category scores.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

export type LighthouseScores = Record<"performance" | "accessibility" | "best-practices" | "seo", number>;

export interface LighthouseResult {
  scores: LighthouseScores;
  /** Audits that cost points: "category: title (score)". */
  failing: string[];
}

interface LighthouseReport {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { title: string; score: number | null; displayValue?: string }>;
}

/** Runs Lighthouse asynchronously: the static server it loads from lives in this process. */
export async function lighthouse(repoRoot: string, url: string): Promise<LighthouseResult> {
  const { stdout: out } = await promisify(execFile)(
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
  );
  const report = JSON.parse(out) as LighthouseReport;
  const score = (id: keyof LighthouseScores) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const failing = Object.entries(report.categories).flatMap(([category, { auditRefs }]) =>
    auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => report.audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 0.9)
      .map((audit) => `${category}: ${audit?.title} (${audit?.displayValue ?? audit?.score})`),
  );
  return {
    scores: {
      performance: score("performance"),
      accessibility: score("accessibility"),
      "best-practices": score("best-practices"),
      seo: score("seo"),
    },
    failing,
  };
}
