// Report text is data, all the way from bytes to the compiled page: generated reports mixing CJK
// text with markup, MDX and Markdown syntax go through parse → MDX → Sätteri (the compiler Astro
// uses) and must come out as the same text, inside only the emitter's own elements.

import fc from "fast-check";
import type { Nodes as HastNodes } from "hast";
import { mdxToHast } from "satteri";
import { describe, expect, it } from "vitest";
import { digestToMdx } from "../../src/emit/mdast-to-mdx.ts";
import { parseReport } from "../../src/ingest/index.ts";
import type { ReportDigest } from "../../src/ingest/types.ts";
import { normalizePunctuation } from "../../src/shared/punctuation.ts";
import { HOSTILE } from "../support/hostile.ts";

const HAN =
  "发展经济建设推进改革开放创新驱动产业升级民生保障城乡融合生态文明数字政府财政收入投资消费就业".split("");
const CJK_PUNCT = ["，", "、", "；", "：", "“", "”", "《", "》", "（", "）"];
const FIGURES = ["785.6亿元", "增长12.5%", "1.2万人", "3个", "下降0.8个百分点", "2860户"];

const han = fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: 12 }).map((a) => a.join(""));
const piece = fc.oneof(
  { weight: 4, arbitrary: han },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.constantFrom(...CJK_PUNCT) },
  { weight: 1, arbitrary: fc.constantFrom(...FIGURES) },
  { weight: 1, arbitrary: fc.constantFrom(" ", ",", ":", "(", ")") },
);
/** A sentence always starts with Han text, so no line is a markup block of its own. */
const sentence = fc
  .tuple(han, fc.array(piece, { minLength: 1, maxLength: 10 }))
  .map(([first, rest]) => `${first}${rest.join("")}`.replace(/ {2,}/gu, " ").trim());
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => `${s.join("。")}。`);
const ORDINALS = ["一", "二", "三", "四", "五"];
const heading = fc.tuple(han, fc.option(fc.constantFrom(...HOSTILE), { nil: undefined }), han);
const report = fc.record({
  title: fc.tuple(han, fc.option(fc.constantFrom(...HOSTILE), { nil: undefined })),
  sections: fc.array(fc.tuple(heading, fc.array(paragraph, { minLength: 1, maxLength: 3 })), {
    minLength: 1,
    maxLength: 4,
  }),
});

function sourceOf(r: {
  title: [string, string | undefined];
  sections: [[string, string | undefined, string], string[]][];
}) {
  const lines = [
    `${r.title[0]}${r.title[1] ?? ""}区政府工作报告`,
    "",
    "各位代表：现在，我代表区人民政府向大会报告工作。",
    "",
  ];
  r.sections.forEach(([[a, token, b], paras], i) => {
    lines.push(`${ORDINALS[i]}、${a}${token ?? ""}${b}`, "");
    for (const p of paras) lines.push(p, "");
  });
  return lines.join("\n");
}

const hanCounts = (texts: string[]) => {
  const counts = new Map<string, number>();
  for (const t of texts)
    for (const ch of t.match(/\p{Script=Han}/gu) ?? []) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
};

/** Every piece of text the digest keeps: nothing the source said may be missing from it. */
const digestTexts = (d: ReportDigest) => [
  d.title ?? "",
  ...d.sections.flatMap((s) => [s.heading ?? "", ...s.blocks.map((b) => b.text)]),
  ...d.furniture.map((f) => f.text),
];

/** The emitter's own vocabulary: element → the attributes it may carry. */
const ALLOWED: Record<string, Set<string>> = {
  Section: new Set(["id", "level", "heading", "topics", "mode", "figures", "aliases"]),
  Block: new Set(["id", "type"]),
  Stat: new Set(["id", "l", "k", "v", "u", "t"]),
  Term: new Set(["t"]),
  strong: new Set(),
  p: new Set(),
  ul: new Set(),
  li: new Set(),
};

type AnyNode = HastNodes | { type: string; name?: string; attributes?: unknown[]; children?: AnyNode[] };

/** Fails on any node the emitter does not make: raw HTML, expressions, ESM, foreign elements or attributes. */
function assertOwnMarkup(node: AnyNode): void {
  switch (node.type) {
    case "root":
    case "text":
      break;
    case "element": {
      const el = node as { tagName: string; properties: Record<string, unknown> };
      expect(ALLOWED[el.tagName], `element <${el.tagName}>`).toBeDefined();
      expect(Object.keys(el.properties)).toEqual([]);
      break;
    }
    case "mdxJsxFlowElement":
    case "mdxJsxTextElement": {
      const el = node as { name: string; attributes: { type: string; name: string; value: unknown }[] };
      const allowed = ALLOWED[el.name];
      expect(allowed, `JSX <${el.name}>`).toBeDefined();
      for (const a of el.attributes) {
        expect(a.type).toBe("mdxJsxAttribute");
        expect(allowed?.has(a.name), `attribute ${a.name} on <${el.name}>`).toBe(true);
        expect(typeof a.value).toBe("string");
      }
      break;
    }
    default:
      throw new Error(`unexpected ${node.type} node: ${JSON.stringify(node).slice(0, 200)}`);
  }
  for (const c of ("children" in node ? node.children : undefined) ?? []) assertOwnMarkup(c as AnyNode);
}

/** Rendered text of a Block: its text nodes in order, layout white space between elements skipped. */
function renderedText(node: AnyNode, out: string[] = []): string[] {
  for (const c of ("children" in node ? node.children : undefined) ?? []) {
    const child = c as AnyNode & { value?: string };
    if (child.type === "text") {
      const inFlow = node.type === "mdxJsxFlowElement" || (node as { tagName?: string }).tagName === "ul";
      if (!(inFlow && !child.value?.trim())) out.push(child.value ?? "");
    } else renderedText(child, out);
  }
  return out;
}

function blocksIn(node: AnyNode, out: Map<string, AnyNode> = new Map()): Map<string, AnyNode> {
  const el = node as { type: string; name?: string; attributes?: { name: string; value: string }[] };
  if (el.type === "mdxJsxFlowElement" && el.name === "Block") {
    out.set(el.attributes?.find((a) => a.name === "id")?.value ?? "", node);
  }
  for (const c of ("children" in node ? node.children : undefined) ?? []) blocksIn(c as AnyNode, out);
  return out;
}

function headingsIn(node: AnyNode, out: string[] = []): string[] {
  const el = node as { type: string; name?: string; attributes?: { name: string; value: string }[] };
  if (el.type === "mdxJsxFlowElement" && el.name === "Section") {
    out.push(el.attributes?.find((a) => a.name === "heading")?.value ?? "");
  }
  for (const c of ("children" in node ? node.children : undefined) ?? []) headingsIn(c as AnyNode, out);
  return out;
}

describe("report text is data (property)", () => {
  it("parse → MDX → Sätteri keeps every report's text as text, and nothing else", () => {
    fc.assert(
      fc.property(report, (r) => {
        const source = sourceOf(r);
        const { digest } = parseReport({
          bytes: new TextEncoder().encode(source),
          path: "content/reports/p.txt",
        });

        // No CJK character lost: each one is somewhere in the digest.
        const kept = hanCounts(digestTexts(digest));
        for (const [ch, n] of hanCounts([source]))
          expect(kept.get(ch) ?? 0, `「${ch}」`).toBeGreaterThanOrEqual(n);
        // Every paragraph survives verbatim (tokens and all), in a block or in the furniture.
        const all = digestTexts(digest).join("\n");
        // (Two adjacent "*" tokens make "**": Markdown bold residue, the one markup plain text drops.)
        for (const [, paras] of r.sections)
          for (const p of paras) expect(all).toContain(p.replaceAll("**", ""));

        const tree = mdxToHast(digestToMdx(digest), {
          features: { gfm: false, smartPunctuation: false },
          position: false,
        }) as AnyNode;
        assertOwnMarkup(tree);
        const blocks = blocksIn(tree);
        for (const b of digest.sections.flatMap((s) => s.blocks)) {
          const node = blocks.get(b.id);
          expect(node, b.id).toBeDefined();
          expect(renderedText(node as AnyNode).join("")).toBe(
            normalizePunctuation(b.text).replaceAll("\n", ""),
          );
        }
        expect(headingsIn(tree)).toEqual(
          digest.sections.map((s) => (s.heading === null ? "" : normalizePunctuation(s.heading))),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it("parse never throws on arbitrary text, and loses no CJK character", () => {
    const anyText = fc.array(fc.oneof(han, fc.constantFrom(...HOSTILE, "\n", "\n\n", "。"), fc.string()), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(anyText, fc.constantFrom("x.txt", "x.md", "x.html"), (parts, path) => {
        const source = parts.join("");
        try {
          const { digest } = parseReport({ bytes: new TextEncoder().encode(source), path });
          if (path === "x.txt") {
            const kept = hanCounts(digestTexts(digest));
            for (const [ch, n] of hanCounts([source])) expect(kept.get(ch) ?? 0).toBeGreaterThanOrEqual(n);
          }
        } catch (e) {
          // Only a clean, typed input error is allowed (empty file, no report text …).
          expect((e as Error).name).toBe("ReportInputError");
        }
      }),
      { numRuns: 1000 },
    );
  });
});
