// Share cards (og:image): one 1200×630 JPEG per report, with its title, region, year and headline
// figures, drawn at build time with @napi-rs/canvas in a CJK font of the system (Debian's
// fonts-noto-cjk). Each card is cached in .cache/og/ under the key of its report's digest and this
// module's code, so an unchanged report costs a file copy. Without a CJK font the cards are left
// out (a card of empty boxes would be worse than none) and the build says so.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { ReportDigest } from "../ingest/types.ts";
import { reportTitle } from "../shared/report-title.ts";
import { OG_DIR, OG_SIZE, ogFontFile } from "../site/og.ts";
import { keyFigures } from "../site/summary.ts";
import { keyOf, moduleGraphHash } from "./cache.ts";
import { layout } from "./layout.ts";

const FAMILY = "ReportDigestCard";

let fontReady: boolean | undefined;
function loadFont(): boolean {
  if (fontReady === undefined) {
    const file = ogFontFile();
    fontReady = file ? GlobalFonts.registerFromPath(file, FAMILY) !== null : false;
  }
  return fontReady;
}

export interface OgCard {
  title: string;
  /** "上街区 · 2023 年 · 政府工作报告". */
  line: string;
  figures: Array<{ name: string; value: string; growth?: string }>;
}

export function ogCard(digest: ReportDigest): OgCard {
  const { region, year, kind } = digest.meta;
  return {
    title: reportTitle(digest),
    line: [region, year && `${year} 年`, kind].filter(Boolean).join(" · "),
    figures: keyFigures(digest, 4).map(({ name, value, growth }) => ({ name, value, growth })),
  };
}

/** `text` cut into lines of at most `width` pixels (Chinese breaks anywhere), at most `max` lines. */
function wrap(g: SKRSContext2D, text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const ch of text) {
    if (g.measureText(line + ch).width > width && line) {
      lines.push(line);
      line = ch;
      if (lines.length === max) break;
    } else line += ch;
  }
  if (lines.length < max && line) lines.push(line);
  else if (lines.length === max && line) lines[max - 1] = `${(lines[max - 1] ?? "").slice(0, -1)}…`;
  return lines;
}

/** JPEG, not PNG: encoding is most of a card's cost, and PNG's took twice as long (40 against 19 ms). */
const JPEG_QUALITY = 88;

/**
 * One canvas for every card: each holds 3 MB of native pixels that V8 does not see, so a canvas
 * per card piled up until a garbage collection the small JS heap never asked for (1 GB for 300
 * cards, 3.9 GB at 1,000 reports in the build's process).
 */
let shared: Canvas | undefined;

/** The card as JPEG bytes (the site's light palette). */
export function renderOgCard(card: OgCard): Buffer {
  const { width, height } = OG_SIZE;
  shared ??= createCanvas(width, height);
  const canvas = shared;
  const g = canvas.getContext("2d");
  g.fillStyle = "#fbfaf7";
  g.fillRect(0, 0, width, height);
  g.fillStyle = "#9b2c1f";
  g.fillRect(0, 0, 16, height);
  const left = 80;
  g.fillStyle = "#5c574f";
  g.font = `32px ${FAMILY}`;
  g.fillText(`报告精读${card.line ? ` · ${card.line}` : ""}`, left, 100);
  g.fillStyle = "#1f1d1a";
  g.font = `bold 60px ${FAMILY}`;
  const title = wrap(g, card.title, width - left * 2, 2);
  title.forEach((line, i) => {
    g.fillText(line, left, 200 + i * 80);
  });
  const top = 200 + title.length * 80 + 30;
  const column = (width - left * 2) / 2;
  card.figures.forEach((f, i) => {
    const x = left + (i % 2) * column;
    const y = top + Math.floor(i / 2) * 110;
    g.fillStyle = "#5c574f";
    g.font = `28px ${FAMILY}`;
    g.fillText(f.name, x, y);
    g.fillStyle = "#0f5c8c";
    g.font = `bold 44px ${FAMILY}`;
    g.fillText(f.value, x, y + 54);
    if (f.growth) {
      const w = g.measureText(f.value).width;
      g.fillStyle = "#5c574f";
      g.font = `28px ${FAMILY}`;
      g.fillText(f.growth, x + w + 16, y + 54);
    }
  });
  return canvas.toBuffer("image/jpeg", JPEG_QUALITY);
}

const codeKey = () => moduleGraphHash(import.meta.filename);

/**
 * Writes each report's card into `siteDir`/og/, drawing only those whose digest changed since
 * they were cached; the cache keeps just this build's cards. Returns how many were drawn, or
 * undefined when no CJK font was found (no cards).
 */
export function writeOgCards(
  root: string,
  siteDir: string,
  reports: Iterable<{ slug: string; key: string; digest: () => ReportDigest }>,
): { drawn: number; total: number } | undefined {
  if (!loadFont()) return undefined;
  const cacheDir = join(layout(root).cache, "og");
  const outDir = join(siteDir, OG_DIR);
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const code = codeKey();
  const kept = new Set<string>();
  let drawn = 0;
  let total = 0;
  for (const report of reports) {
    const key = keyOf(code, report.key);
    const cached = join(cacheDir, `${key}.jpg`);
    if (!existsSync(cached)) {
      const partial = `${cached}.${process.pid}.partial`;
      // Written aside and renamed, so a killed build never leaves half a card in the cache.
      writeFileSync(partial, renderOgCard(ogCard(report.digest())));
      renameSync(partial, cached);
      drawn++;
    }
    kept.add(`${key}.jpg`);
    copyFileSync(cached, join(outDir, `${report.slug}.jpg`));
    total++;
  }
  for (const name of readdirSync(cacheDir))
    if (!kept.has(name)) rmSync(join(cacheDir, name), { force: true });
  return { drawn, total };
}
