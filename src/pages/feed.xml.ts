// Atom feed of the reports, newest first.
import type { APIContext } from "astro";
import { reportRef } from "../site/data.ts";
import { atomFeed } from "../site/data-feed.ts";
import { siteData } from "../site/data-pages.ts";

export async function GET({ site }: APIContext) {
  const { listings, summaries } = await siteData();
  const xml = atomFeed({
    site: site?.href ?? "http://localhost/",
    title: "报告精读",
    subtitle: "政府工作报告与经济工作报道：逐段整理、数据标注、全文检索。",
    entries: listings.map((l) => ({
      report: reportRef({ digest: l.report, href: l.href }),
      summary: summaries.get(l.report.slug) ?? "",
    })),
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
}
