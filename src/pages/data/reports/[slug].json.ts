// Each report's digest as JSON: the contract in ../shared/digest-contract.md, unchanged.
import type { APIContext } from "astro";
import type { ReportDigest } from "../../../ingest/types.ts";
import { siteData } from "../../../site/data-pages.ts";

export async function getStaticPaths() {
  const { listings } = await siteData();
  return listings.map(({ digest }) => ({ params: { slug: digest.slug }, props: { digest } }));
}

export function GET({ props }: APIContext<{ digest: ReportDigest }>) {
  return new Response(JSON.stringify(props.digest), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
