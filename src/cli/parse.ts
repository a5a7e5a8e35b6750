// `npm run --silent parse -- FILE`: prints the ReportDigest JSON of one source file.
// Input problems give exit 1 and one line on stderr, never a stack trace.

import { existsSync, readFileSync } from "node:fs";
import { layout } from "../build/layout.ts";
import { isReportInputError } from "../ingest/errors.ts";
import { termFinder } from "../ingest/glossary.ts";
import { parseReportFile } from "../ingest/index.ts";

const args = process.argv.slice(2).filter((a) => a !== "--");
if (args.length !== 1) {
  process.stderr.write("usage: npm run --silent parse -- <path-to-report-file>\n");
  process.exit(2);
}
const file = args[0] as string;
try {
  // Terms are marked from the glossary of the project the command runs in, as the build marks them.
  const glossary = layout(process.cwd()).glossary;
  const findTerms = termFinder(existsSync(glossary) ? readFileSync(glossary, "utf8") : undefined);
  const { digest, warnings } = parseReportFile(file, findTerms);
  for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`${JSON.stringify(digest, null, 2)}\n`);
} catch (e) {
  if (isReportInputError(e)) {
    process.stderr.write(`${e.toString()}\n`);
    process.exit(1);
  }
  // A bug, not an input problem: still one line, naming the file.
  process.stderr.write(`${file}: internal error: ${(e as Error).message?.split("\n")[0] ?? String(e)}\n`);
  if (process.env.REPORT_DIGEST_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
}
