// Heading numbering schemes (第一部分, 一、, （一）, 1., ①…) and their rank in the hierarchy.
import headingWords from "../lexicon/headings.json" with { type: "json" };
import { alternation } from "../text.ts";
import type { HeadingScheme } from "./lines.ts";

const CN_NUM = "[一二三四五六七八九十百零〇两]{1,4}";
const PART_UNIT = `(?:${alternation(headingWords.partUnits)})`;

export const SCHEMES: { scheme: HeadingScheme; rank: number; re: RegExp }[] = [
  { scheme: "part", rank: 0, re: new RegExp(`^第${CN_NUM}${PART_UNIT}[、，:：\\s]*`, "u") },
  { scheme: "cn", rank: 1, re: new RegExp(`^${CN_NUM}(?:、|[．.](?!\\d))\\s*`, "u") },
  { scheme: "cn-paren", rank: 2, re: new RegExp(`^[（(]${CN_NUM}[）)][、.．]?\\s*`, "u") },
  { scheme: "section", rank: 2, re: new RegExp(`^第${CN_NUM}节[、，:：\\s]*`, "u") },
  // "第一，牢记第一要务，凝神聚力抓发展" standing alone; as a paragraph's opening it is a list item.
  { scheme: "ordinal", rank: 2, re: new RegExp(`^第${CN_NUM}[，,]`, "u") },
  { scheme: "article", rank: 3, re: new RegExp(`^第(?:${CN_NUM}|\\d{1,3})条[、，:：\\s]*`, "u") },
  { scheme: "arabic", rank: 3, re: /^\d{1,2}(?:[、．]|\.(?!\d))\s*/u },
  { scheme: "arabic-paren", rank: 4, re: /^[（(]\d{1,2}[）)][、.．]?\s*/u },
  { scheme: "circled", rank: 5, re: /^[①-⑳]\s*/u },
];

export interface SchemeMatch {
  scheme: HeadingScheme;
  rank: number;
  marker: string;
}

export function matchScheme(text: string): SchemeMatch | null {
  for (const s of SCHEMES) {
    const m = s.re.exec(text);
    if (m && m[0].length < text.length) return { scheme: s.scheme, rank: s.rank, marker: m[0] };
  }
  return null;
}
