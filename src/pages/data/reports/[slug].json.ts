// Each report's digest as JSON: the contract in ../shared/digest-contract.md, unchanged.
import type { APIContext } from "astro";
import type { ReportDigest } from "../../../ingest/types.ts";
import { siteData } from "../../../site/data-pages.ts";

export async function getStaticPaths() {
  const { listings } = await siteData();
  // The file is the digest alone, so the digest's key is the page's.
  return listings.map(({ digest, key }) => ({
    params: { slug: digest.slug },
    props: { digest },
    cacheKey: key || undefined,
  }));
}

export function GET({ props }: APIContext<{ digest: ReportDigest }>) {
  return new Response(JSON.stringify(props.digest), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
