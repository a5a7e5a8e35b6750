// Stage 2: optional YAML front matter ("---" … "---" at the very top). Unknown keys warn,
// wrong types and an unclosed block are input errors with a line number.
import { parseDocument } from "yaml";
import { z } from "zod";
import { ReportInputError } from "./errors.ts";

const frontMatterSchema = z.object({
  title: z.string().optional(),
  region: z.string().optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  date: z.string().optional(),
  kind: z.string().optional(),
  source: z.string().optional(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export interface FrontMatterResult {
  data: FrontMatter;
  /** The text after the closing fence. */
  body: string;
  /** Number of source lines before `body` starts (to keep line numbers right). */
  bodyLineOffset: number;
  warnings: string[];
}

const KNOWN = new Set(Object.keys(frontMatterSchema.shape));

/**
 * Keys a blog engine writes into a saved post's front matter: the source's own metadata, neither
 * body text nor a mistake, so they pass without a warning.
 */
const SOURCE_KEYS = new Set([
  "author",
  "authors",
  "tags",
  "categories",
  "category",
  "comments",
  "layout",
  "permalink",
  "slug",
  "draft",
  "description",
  "keywords",
  "excerpt",
  "summary",
  "updated",
  "lastmod",
  "toc",
  "cover",
  "thumbnail",
]);

/** "2019-03-05 10:30:00 +0800" (a post's timestamp) -> "2019-03-05"; other dates stay as written. */
function isoDay(value: string): string {
  return /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}/u.exec(value)?.[1] ?? value;
}

export function parseFrontMatter(text: string, file: string): FrontMatterResult {
  const none: FrontMatterResult = { data: {}, body: text, bodyLineOffset: 0, warnings: [] };
  if (!/^---[ \t]*\r?\n/.test(text)) return none;
  const lines = text.split("\n");
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (/^---[ \t]*\r?$/.test(lines[i] as string)) {
      close = i;
      break;
    }
  }
  if (close < 0)
    throw new ReportInputError(file, "front matter opened with --- is never closed", { line: 1 });
  const yamlText = lines.slice(1, close).join("\n");
  const body = lines.slice(close + 1).join("\n");
  const warnings: string[] = [];
  const doc = parseDocument(yamlText, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = err?.linePos?.[0]?.line ?? 0;
    throw new ReportInputError(
      file,
      `malformed front matter: ${err?.message.split("\n")[0] ?? "YAML error"}`,
      {
        line: line + 1,
      },
    );
  }
  const raw: unknown = doc.toJS();
  if (raw == null) return { data: {}, body, bodyLineOffset: close + 1, warnings };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new ReportInputError(file, "front matter is not a mapping of keys to values", { line: 2 });
  }
  const lineOfKey = (key: string): number => {
    for (let i = 1; i < close; i++) {
      if (
        new RegExp(`^\\s*["']?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["']?\\s*:`).test(
          lines[i] as string,
        )
      )
        return i + 1;
    }
    return 1;
  };
  const record = raw as Record<string, unknown>;
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!KNOWN.has(key)) {
      if (!SOURCE_KEYS.has(key))
        warnings.push(`${file}:${lineOfKey(key)}: unknown front matter key "${key}" ignored`);
      continue;
    }
    // A date written unquoted may come back as a Date under some YAML schemas.
    if (value instanceof Date) known[key] = value.toISOString().slice(0, 10);
    else known[key] = key === "date" && typeof value === "string" ? isoDay(value) : value;
  }
  const parsed = frontMatterSchema.safeParse(known);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "?");
    throw new ReportInputError(file, `front matter key "${key}": ${issue?.message ?? "invalid value"}`, {
      line: lineOfKey(key),
    });
  }
  return { data: parsed.data, body, bodyLineOffset: close + 1, warnings };
}
