// Every figure of every report as CSV (UTF-8 with BOM, so Excel shows the Chinese correctly).
import type { APIContext } from "astro";
import { statsCsvPieces } from "../../shared/data-csv.ts";
import { siteData } from "../../site/data-pages.ts";
import { streamedBody } from "../../site/streamed-body.ts";

export async function GET({ site }: APIContext) {
  const { stats } = await siteData();
  return new Response(streamedBody(statsCsvPieces(stats, site?.href ?? "http://localhost/")), {
    headers: { "content-type": "text/csv; charset=utf-8" },
  });
}
