// sitemap.xml: every page the site builds.
import type { APIContext } from "astro";
import { sitemap } from "../site/data-feed.ts";
import { siteData, sitePaths } from "../site/data-pages.ts";

export async function GET({ site }: APIContext) {
  const xml = sitemap(site?.href ?? "http://localhost/", sitePaths(await siteData()));
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
