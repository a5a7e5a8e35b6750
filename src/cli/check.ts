// `npm run check`: validates every file in content/reports without building, with the same
// messages the build prints. Exit 1 on any error.
import { formatProblem, generate } from "../build/generate.ts";

const result = generate({ root: process.cwd(), write: false });
for (const w of result.warnings) console.warn(formatProblem(w, "warning"));
for (const e of result.errors) console.error(formatProblem(e, "error"));
const total = result.reports.length + result.errors.length;
console.log(
  `${total} report files checked: ${result.errors.length} errors, ${result.warnings.length} warnings`,
);
process.exit(result.errors.length ? 1 : 0);
