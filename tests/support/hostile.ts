// Report text that looks like markup, MDX, Markdown or script: it must always stay text.

/**
 * Tokens a report may contain that a careless pipeline would read as markup or code. ("**" is left
 * out: plain text reads it as Markdown bold residue, see normalizeLine in src/ingest/normalize.ts.)
 */
export const HOSTILE = [
  "<script>alert(1)</script>",
  "{",
  "}",
  "<",
  ">",
  "import x from",
  "export const",
  "{/* */}",
  "<!--",
  "`",
  "```",
  "$",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder written as report text
  "${x}",
  "|",
  "#",
  "*",
  "_",
  "__",
  "[a](b)",
  "&amp;",
  "&lt;b&gt;",
  "&#x3C;",
  "&#60;",
  "&quot;",
  "javascript:",
  "<img src=x onerror=alert(1)>",
  "<b>",
  "</Block>",
  "<Section>",
  "\\",
  "-->",
  "'",
  '"',
];

/** A small valid report. */
export const GOOD_REPORT =
  "2023年上街区政府工作报告\n\n各位代表：现在，我代表区人民政府向大会报告工作，请予审议。\n\n一、2022年工作回顾\n\n全区地区生产总值完成185.6亿元，增长4.2%。\n";
