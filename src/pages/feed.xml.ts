// Atom feed of the reports, newest first.
import type { APIContext } from "astro";
import { reportRef } from "../site/data.ts";
import { atomFeed } from "../site/data-feed.ts";
import { siteData } from "../site/data-pages.ts";
import { loadDigest } from "../site/reports.ts";
import { describe } from "../site/summary.ts";

export async function GET({ site }: APIContext) {
  const { listings } = await siteData();
  const xml = atomFeed({
    site: site?.href ?? "http://localhost/",
    title: "报告精读",
    subtitle: "政府工作报告与经济工作报道：逐段整理、数据标注、全文检索。",
    entries: listings.map((l) => {
      const digest = loadDigest(l);
      return { report: reportRef({ digest, href: l.href }), summary: describe(digest) };
    }),
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
