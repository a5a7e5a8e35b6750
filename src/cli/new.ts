// `npm run new -- <file> [--region 上街区 --year 2023 --kind 政府工作报告 --title … --date … --source …]`
// Copies a report into content/reports/ as UTF-8 with front matter filled from what was detected
// (options win), and prints what was found so the author can correct it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { pinyin } from "pinyin-pro";
import { stringify } from "yaml";
import { layout } from "../build/layout.ts";
import { decodeBytes } from "../ingest/decode.ts";
import { isReportInputError } from "../ingest/errors.ts";
import { type FrontMatter, parseFrontMatter } from "../ingest/frontmatter.ts";
import { parseReport } from "../ingest/index.ts";
import { fail, readArgs } from "./args.ts";

const FIELDS = ["title", "region", "year", "date", "kind", "source"] as const;
const args = readArgs(process.argv.slice(2), [...FIELDS, "slug"]);
const file = args.positional[0];
if (!file || args.positional.length > 1) {
  fail(
    "usage: npm run new -- <file> [--region 上街区] [--year 2023] [--kind 政府工作报告] [--title …] [--force]",
  );
}
if (!existsSync(file)) fail(`${file}: no such file`);

const overrides: Partial<FrontMatter> = {};
for (const key of FIELDS) {
  const value = args.options.get(key);
  if (value === undefined) continue;
  if (key === "year") {
    if (!/^\d{4}$/.test(value)) fail(`--year ${value}: expected a four-digit year`);
    overrides.year = Number(value);
  } else overrides[key] = value;
}

try {
  const bytes = readFileSync(file);
  const { digest, warnings } = parseReport({ bytes, path: file, frontMatterOverrides: overrides });
  const { body } = parseFrontMatter(decodeBytes(bytes, file).text, file);
  const frontMatter: Record<string, unknown> = {};
  const detected: Record<string, unknown> = { title: digest.title ?? undefined, ...digest.meta };
  for (const key of FIELDS) if (detected[key] !== undefined) frontMatter[key] = detected[key];

  const ext = extname(file).toLowerCase() === ".txt" || !extname(file) ? ".txt" : extname(file).toLowerCase();
  const dir = layout(process.cwd()).reports;
  // A readable page address from what the report is (海拉尔区 2012 政府工作报告 →
  // hailaerqu-2012-zhengfugongzuobaogao), unless the author names one.
  const named = [digest.meta.region, digest.meta.year, digest.meta.kind].filter(Boolean).map(String);
  const asSlugPart = (s: string) =>
    pinyin(s, { toneType: "none", separator: "", nonZh: "consecutive" })
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "");
  const slug =
    args.options.get("slug") ?? (named.length >= 2 ? named.map(asSlugPart).join("-") : digest.slug);
  if (!/^[a-z0-9-]+$/.test(slug)) fail(`--slug ${slug}: use lowercase letters, digits and "-"`);
  const target = join(dir, `${slug}${ext}`);
  if (existsSync(target) && !args.flags.has("force"))
    fail(`${target} already exists (use --force to replace it)`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, `---\n${stringify(frontMatter)}---\n${body.replace(/^\n*/, "\n")}`);

  const figures = digest.stats.length;
  const headings = digest.sections.filter((s) => s.heading);
  console.log(`wrote ${target} (from ${digest.meta.encoding})`);
  for (const key of FIELDS)
    console.log(`  ${key.padEnd(7)} ${frontMatter[key] ?? "（未识别，可在文件开头补上）"}`);
  console.log(
    `  ${headings.length} headings, ${digest.sections.reduce((n, s) => n + s.blocks.length, 0)} blocks, ${figures} figures, ${digest.furniture.length} furniture lines set aside`,
  );
  for (const s of headings.slice(0, 12)) console.log(`    ${"  ".repeat(s.level - 1)}${s.heading}`);
  if (headings.length > 12) console.log(`    … ${headings.length - 12} more`);
  for (const stat of digest.stats.slice(0, 5)) console.log(`    ${stat.label ?? "（无标签）"}：${stat.text}`);
  for (const w of warnings) console.warn(`warning: ${w}`);
  console.log(`page: /reports/${slug}/  (npm run build, or npm run dev to watch)`);
} catch (error) {
  if (isReportInputError(error)) fail(error.message);
  throw error;
}
