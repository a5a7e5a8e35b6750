// Every tracked target with its result and verdict as CSV (UTF-8 with BOM, so Excel shows the Chinese).
import type { APIContext } from "astro";
import { siteData } from "../../site/data-pages.ts";
import { targetsCsv } from "../../site/targets.ts";

export async function GET({ site }: APIContext) {
  const { targets } = await siteData();
  return new Response(targetsCsv(targets, site?.href ?? "http://localhost/"), {
    headers: { "content-type": "text/csv; charset=utf-8" },
  });
}
