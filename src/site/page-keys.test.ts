import { describe, expect, it } from "vitest";
import { fixtureDigest } from "../../tests/fixtures/digest.ts";
import { keyOf, reportPageKey } from "./page-keys.ts";
import type { ReportListing } from "./reports.ts";

const listing = (
  slug: string,
  key: string,
  title = `${slug}报告`,
  bodyKey = `body-${key}`,
): ReportListing => ({
  report: { slug, title, meta: fixtureDigest.meta },
  href: `/reports/${slug}/`,
  key,
  bodyKey,
});

describe("reportPageKey", () => {
  const key = reportPageKey(listing("b", "k-b"));

  it("is stable for the same digest, body and glossary", () => {
    expect(reportPageKey(listing("b", "k-b"))).toBe(key);
  });

  it("changes with the page's digest and body", () => {
    expect(reportPageKey(listing("b", "k-b2"))).not.toBe(key);
    expect(reportPageKey(listing("b", "k-b", "b报告", "another body"))).not.toBe(key);
  });

  it("gives no key (always render) when the digest's key is unknown", () => {
    expect(reportPageKey(listing("b", ""))).toBeUndefined();
  });
});

describe("keyOf", () => {
  it("tells apart values that concatenate alike", () => {
    expect(keyOf("ab", "c")).not.toBe(keyOf("a", "bc"));
  });
});
