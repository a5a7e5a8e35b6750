// Each report's digest as JSON: the contract in ../shared/digest-contract.md, unchanged (the
// generated digest file, as written).
import type { APIContext } from "astro";
import { siteData } from "../../../site/data-pages.ts";
import { digestText, type ReportListing } from "../../../site/reports.ts";

export async function getStaticPaths() {
  const { listings } = await siteData();
  // The file is the digest alone, so the digest's key is the page's.
  return listings.map((listing) => ({
    params: { slug: listing.report.slug },
    props: { listing },
    cacheKey: listing.key || undefined,
  }));
}

export function GET({ props }: APIContext<{ listing: ReportListing }>) {
  return new Response(digestText(props.listing), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
