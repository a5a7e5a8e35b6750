// The digest contract (../shared/digest-contract.md) as a zod schema, the TypeScript types
// inferred from it. The digest is the only thing that crosses from ingest to render, search and
// data: every read of one from disk is checked against this schema (src/build/digest-store.ts).
// Fields may be added; the contract's fields are never renamed or dropped.
import { z } from "zod";

const furnitureTypeSchema = z.enum([
  "title-chrome",
  "byline",
  "dateline",
  "caption",
  "credit",
  "page-number",
  "continuation",
  "chrome",
  "duplicate",
  "other",
]);

const furnitureSchema = z.object({ type: furnitureTypeSchema, text: z.string() });

const blockSchema = z.object({
  id: z.string(),
  type: z.enum(["paragraph", "list"]),
  /** Plain text, no markup; a list joins its items with "\n". */
  text: z.string(),
  /** Length of a bold lead-in sentence at the start of `text` ("制造业竞争力不断增强。"), rendered bold. */
  lead: z.number().int().positive().optional(),
  /**
   * The block read as a list: a list block's lines, or a paragraph's numbered items (一是…二是…,
   * （1）…). Offsets into `text`; the text itself is never changed.
   */
  enumeration: z
    .object({
      /** Length of the text before the first item (0 when the paragraph starts with "一是"). */
      intro: z.number().int().nonnegative(),
      items: z.array(
        z.object({
          start: z.number().int().nonnegative(),
          end: z.number().int().nonnegative(),
          /** Length of the item's bold first sentence ("一是全力加快国际陆港建设。"). */
          lead: z.number().int().positive().optional(),
        }),
      ),
    })
    .optional(),
  /** Policy terms of the glossary (content/glossary.yml) used in `text`, leftmost-longest. */
  terms: z
    .array(
      z.object({
        start: z.number().int().nonnegative(),
        end: z.number().int().nonnegative(),
        /** The glossary entry's term (the text may use one of its aliases). */
        term: z.string(),
      }),
    )
    .optional(),
});

const statKindSchema = z.enum([
  "amount",
  "count",
  "percent",
  "growth",
  "share",
  "rank",
  "target",
  "range",
  "multiple",
]);

const statSchema = z.object({
  id: z.string(),
  /** The verbatim span as it stands in block.text. */
  text: z.string(),
  /** In base units: "3.44亿元" -> 344000000, "8.9%" -> 8.9. */
  value: z.number(),
  unit: z.string(),
  label: z.string().nullable(),
  kind: statKindSchema,
  blockId: z.string(),
  /** Offset of `text` in the block's text (UTF-16 code units). */
  start: z.number().int().nonnegative(),
  /** Upper bound of a range ("6%-6.5%"), in base units. */
  valueMax: z.number().optional(),
  /** Set when the figure is a goal (力争/预期/目标…) rather than a result. */
  target: z.boolean().optional(),
  /** "约", "余", "以上"… qualifiers that soften the value. */
  approx: z.boolean().optional(),
  /** The words before the figure when they are a piece of its sentence ("比上年"), not an indicator: the label is then null. */
  labelFragment: z.string().optional(),
  /** The canonical indicator the label names (lexicon/indicators.json id: "gdp"). */
  indicator: z.string().optional(),
  /** Whether the figure is that indicator's level or its growth (absent: neither, e.g. a share). */
  measure: z.enum(["level", "growth"]).optional(),
  /** The year the figure refers to (the year reviewed, or the year a target is set for). */
  year: z.number().int().optional(),
  /** The years a total or an average covers ("过去五年累计", "年均"): such a figure has no single year. */
  span: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** How the value binds: 左右/上下 ("about"), 以上/不低于 ("min"), 以内/控制在 ("max"). */
  bound: z.enum(["about", "min", "max"]).optional(),
  /** A growth figure stated as a fall (下降3%: `value` is 3). */
  decline: z.literal(true).optional(),
  /** The figure covers several years (五年来, 年均, 十四五, a plan to a later year; `span` when the years are known): never one year's. */
  multiYear: z.literal(true).optional(),
});

const sectionSchema = z.object({
  id: z.string(),
  heading: z.string().nullable(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  blocks: z.array(blockSchema),
  /** Topic tags from the topic lexicon (经济发展, 产业 …). */
  topics: z.array(z.string()).optional(),
  /** Whether the section reviews results (回顾) or plans targets (部署). */
  mode: z.enum(["review", "plan"]).optional(),
  /** Earlier ids this section is also reachable by (kept when a heading's text changes). */
  aliases: z.array(z.string()).optional(),
  /** The heading's number when the layout set it on its own line ("2" above "构建现代产业体系"). */
  number: z.string().optional(),
  /** The heading is set run-in: its sentence opens the first block, which keeps it. */
  runIn: z.literal(true).optional(),
});

// Front matter may carry fields of its own: they are kept.
const reportMetaSchema = z.looseObject({
  encoding: z.string(),
  region: z.string().optional(),
  year: z.number().int().optional(),
  date: z.string().optional(),
  kind: z.string().optional(),
  source: z.string().optional(),
  speaker: z.string().optional(),
  /** The speaker's office as stated ("上海市市长"). */
  role: z.string().optional(),
  meeting: z.string().optional(),
  /** The venue line as printed ("——2026年2月3日在…会议上"). */
  venue: z.string().optional(),
  /** A subtitle printed under the title. */
  subtitle: z.string().optional(),
});

const reportDigestSchema = z.object({
  slug: z.string().min(1),
  title: z.string().nullable(),
  meta: reportMetaSchema,
  sections: z.array(sectionSchema),
  stats: z.array(statSchema),
  furniture: z.array(furnitureSchema),
});

export type FurnitureType = z.infer<typeof furnitureTypeSchema>;
export type Furniture = z.infer<typeof furnitureSchema>;
export type Block = z.infer<typeof blockSchema>;
export type StatKind = z.infer<typeof statKindSchema>;
export type Stat = z.infer<typeof statSchema>;
export type SectionMode = NonNullable<z.infer<typeof sectionSchema>["mode"]>;
export type Section = z.infer<typeof sectionSchema>;
export type ReportMeta = z.infer<typeof reportMetaSchema>;
export type ReportDigest = z.infer<typeof reportDigestSchema>;
export type Enumeration = NonNullable<Block["enumeration"]>;
export type BlockTerm = NonNullable<Block["terms"]>[number];

/** A digest that does not match the contract: names the file and the first wrong field. */
export class InvalidDigest extends Error {
  constructor(where: string, error: z.ZodError) {
    const issue = error.issues[0];
    super(
      `${where}: not a report digest: ${issue?.path.join(".") || "(top)"}: ${issue?.message ?? "invalid"}`,
    );
    this.name = "InvalidDigest";
  }
}

/** `value` (a digest read from `where`) checked against the contract. */
export function checkedDigest(value: unknown, where: string): ReportDigest {
  const result = reportDigestSchema.safeParse(value);
  if (!result.success) throw new InvalidDigest(where, result.error);
  return result.data;
}

const reportHeadsSchema = z.array(reportDigestSchema.pick({ slug: true, title: true, meta: true }));

/** What lists and links show of a report: its slug, title and front matter. */
export type ReportHead = Pick<ReportDigest, "slug" | "title" | "meta">;

/** The heads of every report read from `where`, checked. */
export function checkedHeads(value: unknown, where: string): ReportHead[] {
  const result = reportHeadsSchema.safeParse(value);
  if (!result.success) throw new InvalidDigest(where, result.error);
  return result.data;
}
