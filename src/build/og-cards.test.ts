import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { ogFontFile } from "../site/og.ts";
import { ogCard, renderOgCard, writeOgCards } from "./og-cards.ts";

describe("share cards", () => {
  it("carry the title, region, year, kind and headline figures", () => {
    const card = ogCard({ ...fixtureDigest, meta: { ...fixtureDigest.meta, kind: "政府工作报告" } });
    expect(card.title).toBe("测试区政府工作报告");
    expect(card.line).toBe("测试区 · 2023 年 · 政府工作报告");
    expect(card.figures[0]).toEqual({ name: "地区生产总值", value: "785.6 亿元", growth: "增长4.2%" });
  });

  const root = mkdtempSync(join(tmpdir(), "og-cards-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.skipIf(!ogFontFile())("are the same drawn after another card (one canvas is reused)", () => {
    const alone = renderOgCard(ogCard(fixtureDigest));
    renderOgCard(ogCard({ ...fixtureDigest, meta: { ...fixtureDigest.meta, title: "长标题".repeat(40) } }));
    expect(renderOgCard(ogCard(fixtureDigest)).equals(alone)).toBe(true);
  });

  it.skipIf(!ogFontFile())("are drawn once per content and copied into the site", () => {
    const jpeg = renderOgCard(ogCard(fixtureDigest));
    expect([...jpeg.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    const site = join(root, "site");
    let reads = 0;
    const reports = (key: string) => [
      {
        slug: "fixture",
        key,
        digest: () => {
          reads++;
          return fixtureDigest;
        },
      },
    ];
    expect(writeOgCards(root, site, reports("k1"))).toEqual({ drawn: 1, total: 1 });
    expect(writeOgCards(root, site, reports("k1"))).toEqual({ drawn: 0, total: 1 });
    // An unchanged report is not even read.
    expect(reads).toBe(1);
    expect([...readFileSync(join(site, "og/fixture.jpg")).subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(writeOgCards(root, site, reports("k2"))).toEqual({ drawn: 1, total: 1 });
    // The cache keeps only the cards of the last build.
    expect(readdirSync(join(root, ".cache/og"))).toHaveLength(1);
  });
});
