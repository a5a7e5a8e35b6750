// Every figure of every report, in the compact form /data/ loads (see src/shared/data-row.ts).
import { siteData } from "../../site/data-pages.ts";
import { jsonPieces, streamedBody } from "../../site/streamed-body.ts";

export async function GET() {
  const { stats } = await siteData();
  // JSON.stringify(stats) in pieces: the same bytes without the whole text as one string.
  return new Response(streamedBody(jsonPieces(stats, "rows")), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
