// The digest contract (../shared/digest-contract.md) as TypeScript types.
// Fields may be added; the contract's fields are never renamed or dropped.

export type FurnitureType =
  | "title-chrome"
  | "byline"
  | "dateline"
  | "caption"
  | "credit"
  | "page-number"
  | "continuation"
  | "chrome"
  | "duplicate"
  | "other";

export interface Furniture {
  type: FurnitureType;
  text: string;
}

export type BlockType = "paragraph" | "list";

export interface Block {
  id: string;
  type: BlockType;
  /** Plain text, no markup; a list joins its items with "\n". */
  text: string;
  /** Length of a bold lead-in sentence at the start of `text` ("制造业竞争力不断增强。"), rendered bold. */
  lead?: number;
}

export type StatKind =
  | "amount"
  | "count"
  | "percent"
  | "growth"
  | "share"
  | "rank"
  | "target"
  | "range"
  | "multiple";

export interface Stat {
  id: string;
  /** The verbatim span as it stands in block.text. */
  text: string;
  /** In base units: "3.44亿元" -> 344000000, "8.9%" -> 8.9. */
  value: number;
  unit: string;
  label: string | null;
  kind: StatKind;
  blockId: string;
  /** Offset of `text` in the block's text (UTF-16 code units). */
  start: number;
  /** Upper bound of a range ("6%-6.5%"), in base units. */
  valueMax?: number;
  /** Set when the figure is a goal (力争/预期/目标…) rather than a result. */
  target?: boolean;
  /** "约", "余", "以上"… qualifiers that soften the value. */
  approx?: boolean;
}

export type SectionMode = "review" | "plan";

export interface Section {
  id: string;
  heading: string | null;
  level: 1 | 2 | 3;
  blocks: Block[];
  /** Topic tags from the topic lexicon (经济发展, 产业 …). */
  topics?: string[];
  /** Whether the section reviews results (回顾) or plans targets (部署). */
  mode?: SectionMode;
  /** Earlier ids this section is also reachable by (kept when a heading's text changes). */
  aliases?: string[];
  /** The heading's number when the layout set it on its own line ("2" above "构建现代产业体系"). */
  number?: string;
}

export interface ReportMeta {
  encoding: string;
  region?: string;
  year?: number;
  date?: string;
  kind?: string;
  source?: string;
  speaker?: string;
  /** The speaker's office as stated ("上海市市长"). */
  role?: string;
  meeting?: string;
  /** The venue line as printed ("——2026年2月3日在…会议上"). */
  venue?: string;
  /** A subtitle printed under the title. */
  subtitle?: string;
  [key: string]: unknown;
}

export interface ReportDigest {
  slug: string;
  title: string | null;
  meta: ReportMeta;
  sections: Section[];
  stats: Stat[];
  furniture: Furniture[];
}
