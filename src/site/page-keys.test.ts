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
  const page = listing("b", "k-b");
  const prev = listing("a", "k-a");
  const next = listing("c", "k-c");
  const key = reportPageKey(page, prev, next);

  it("is stable for the same digest, neighbours and glossary", () => {
    expect(reportPageKey(listing("b", "k-b"), listing("a", "k-a"), listing("c", "k-c"))).toBe(key);
  });

  it("changes with the page's digest and body and with what it shows of its neighbours", () => {
    expect(reportPageKey(listing("b", "k-b2"), prev, next)).not.toBe(key);
    expect(reportPageKey(listing("b", "k-b", "b报告", "another body"), prev, next)).not.toBe(key);
    expect(reportPageKey(page, listing("a", "k-a", "改过的标题"), next)).not.toBe(key);
    expect(reportPageKey(page, prev, undefined)).not.toBe(key);
    expect(reportPageKey(page, prev, next, "a")).not.toBe(key);
    // A neighbour's other edits do not show on this page.
    expect(reportPageKey(page, listing("a", "k-a-edited"), next)).toBe(key);
  });

  it("gives no key (always render) when the digest's key is unknown", () => {
    expect(reportPageKey(listing("b", ""), prev, next)).toBeUndefined();
  });
});

describe("keyOf", () => {
  it("tells apart values that concatenate alike", () => {
    expect(keyOf("ab", "c")).not.toBe(keyOf("a", "bc"));
  });
});
