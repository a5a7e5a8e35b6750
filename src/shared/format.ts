// Display forms for figures: the value in the magnitude a Chinese reader expects (785.6 亿元),
// and the kind of figure in Chinese.
import type { Stat } from "../ingest/types.ts";

const MAGNITUDES: Array<[number, string]> = [
  [1e12, "万亿"],
  [1e8, "亿"],
  [1e4, "万"],
];

/** Units a multiplier may be put in front of (万元, 亿元, 万人, 万平方米 …). */
const SCALABLE = /^(元|美元|人|人次|户|家|个|平方米|亩|吨|千瓦|千瓦时|立方米|辆|套|件|株|只|头|册|剂次)$/;

export function trimNumber(n: number): string {
  const fixed = Number.isInteger(n) ? String(n) : n.toFixed(Math.abs(n) >= 100 ? 1 : 2);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/** The magnitude (万/亿/万亿) a value of this size and unit is read in, or none (size 1). */
export function magnitude(value: number, unit: string): { size: number; prefix: string } {
  if (SCALABLE.test(unit)) {
    for (const [size, prefix] of MAGNITUDES) if (Math.abs(value) >= size) return { size, prefix };
  }
  return { size: 1, prefix: "" };
}

export function formatValue(value: number, unit: string): string {
  const { size, prefix } = magnitude(value, unit);
  if (prefix) return `${trimNumber(value / size)} ${prefix}${unit}`;
  if (unit === "名" || unit === "位") return `第 ${trimNumber(value)} ${unit}`;
  const sep = unit === "%" || unit === "‰" ? "" : " ";
  return `${trimNumber(value)}${sep}${unit}`;
}

const KIND_LABELS: Record<string, string> = {
  amount: "实绩",
  count: "实绩",
  percent: "比率",
  growth: "增速",
  share: "占比",
  rank: "排名",
  target: "目标",
  range: "区间",
  multiple: "倍数",
};

export function kindLabel(stat: Pick<Stat, "kind" | "target">): string {
  if (stat.target || stat.kind === "target") return "目标";
  return KIND_LABELS[stat.kind] ?? "数据";
}
