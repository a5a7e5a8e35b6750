import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { clip, jsonLdText, reportMeta } from "./meta.ts";

const urls = { pageUrl: "https://x.org/reports/fixture/", siteUrl: "https://x.org/" };

describe("reportMeta", () => {
  it("describes a report by its headline figures and as a schema.org Report", () => {
    const meta = reportMeta(fixtureDigest, { title: "测试区政府工作报告", ...urls });
    expect(meta.type).toBe("article");
    expect(meta.description).toContain("地区生产总值");
    expect(meta.description).toContain("785.6");
    // Few headline figures: the opening words follow them.
    expect(meta.description).toContain("制造业竞争力不断增强");
    expect(meta.jsonLd).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Report",
      headline: "测试区政府工作报告",
      url: urls.pageUrl,
      inLanguage: "zh-CN",
      datePublished: "2023",
      about: { "@type": "AdministrativeArea", name: "测试区" },
      publisher: { "@type": "Organization", name: "报告精读", url: urls.siteUrl },
    });
  });

  it("takes a full ISO date over the year and leaves out what the digest does not know", () => {
    const dated = { ...fixtureDigest, meta: { encoding: "utf-8", date: "2023-01-10", year: 2023 } };
    const meta = reportMeta(dated, { title: "t", ...urls });
    expect(meta.published).toBe("2023-01-10");
    expect(meta.jsonLd?.datePublished).toBe("2023-01-10");
    expect(meta.jsonLd).not.toHaveProperty("about");
    expect(meta.jsonLd).not.toHaveProperty("genre");
    const undated = reportMeta(
      { ...fixtureDigest, meta: { encoding: "utf-8", date: "2023年1月" } },
      {
        title: "t",
        ...urls,
      },
    );
    expect(undated.published).toBeUndefined();
    expect(undated.jsonLd).not.toHaveProperty("datePublished");
  });
});

describe("clip", () => {
  it("keeps short text and cuts long text at a clause break", () => {
    expect(clip("短句", 10)).toBe("短句");
    expect(clip("地区生产总值785.6亿元；一般公共预算收入20亿元；社会消费品零售总额", 30)).toBe(
      "地区生产总值785.6亿元；一般公共预算收入20亿元…",
    );
    expect(clip("一二三四五六七八九十", 5)).toBe("一二三四…");
  });
});

describe("jsonLdText", () => {
  it("cannot end its script element or break a line, and still parses to the same data", () => {
    const data = { headline: "</script><script>alert(1)</script>", text: "a\u2028b\u2029c&<!--" };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/<|>|&|\u2028|\u2029/u);
    expect(JSON.parse(text)).toEqual(data);
  });
});
