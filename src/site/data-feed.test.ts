import { describe, expect, it } from "vitest";
import type { ReportRef } from "../shared/data-row.ts";
import { atomFeed, feedOrder, reportUpdated, sitemap, xmlEscape } from "./data-feed.ts";

const ref = (over: Partial<ReportRef>): ReportRef => ({
  slug: "a",
  title: "报告",
  region: "上街区",
  year: 2023,
  kind: null,
  date: null,
  href: "/reports/a/",
  ...over,
});

describe("feed", () => {
  it("orders reports newest first by date, then year", () => {
    const entries = [
      { report: ref({ slug: "old", year: 2021 }), summary: "" },
      { report: ref({ slug: "dated", date: "2023-02-10" }), summary: "" },
      { report: ref({ slug: "undated", year: null }), summary: "" },
      { report: ref({ slug: "year", year: 2023 }), summary: "" },
    ];
    expect(feedOrder(entries).map((e) => e.report.slug)).toEqual(["dated", "year", "old", "undated"]);
    expect(reportUpdated(ref({ date: "2023-02-10" }))).toBe("2023-02-10T00:00:00Z");
  });

  it("escapes report text in the XML", () => {
    const xml = atomFeed({
      site: "https://x.org",
      title: "报告精读",
      subtitle: "s",
      entries: [{ report: ref({ title: "<script>&" }), summary: 'a"b' }],
    });
    expect(xml).toContain("<title>&lt;script&gt;&amp;</title>");
    expect(xml).toContain("<summary>a&quot;b</summary>");
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="https://x.org/feed.xml"/>');
    expect(xml).toContain("<updated>2023-01-01T00:00:00Z</updated>");
    expect(xmlEscape("'")).toBe("&apos;");
  });

  it("lists each page once in the sitemap, absolute", () => {
    const xml = sitemap("https://x.org", ["/", "/data/", "/"]);
    expect(xml.match(/<loc>/g)).toHaveLength(2);
    expect(xml).toContain("<loc>https://x.org/data/</loc>");
  });
});
