// `npm run eject -- <slug>`: writes the generated MDX of a report to content/reports/<slug>.mdx.
// From then on that hand-editable file is the page body (still validated and indexed); delete it
// to go back to the generated one.
import { existsSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { formatProblem, generate } from "../build/generate.ts";
import { layout } from "../build/layout.ts";
import { digestToMdx } from "../emit/mdast-to-mdx.ts";
import { fail, readArgs } from "./args.ts";

const root = process.cwd();
const args = readArgs(process.argv.slice(2), []);
const slug = args.positional[0];
if (!slug || args.positional.length > 1)
  fail("usage: npm run eject -- <slug>   (the part after /reports/ in the page address)");

const target = layout(root).ejected(slug);
if (existsSync(target) && !args.flags.has("force"))
  fail(`${relative(root, target)} already exists (use --force to replace it)`);
const result = generate({ root, write: false });
const digest = result.reports.find((r) => r.slug === slug)?.digest();
if (!digest) {
  for (const e of result.errors) console.error(formatProblem(e, "error"));
  fail(`no report with the slug "${slug}"; known: ${result.reports.map((r) => r.slug).join(", ")}`);
}
writeFileSync(target, digestToMdx(digest));
console.log(`wrote ${relative(root, target)}: edit it freely; it now replaces the generated page body.`);
console.log("The source file still provides the title, metadata and figures; delete the .mdx to undo.");
