// Every figure of every report, in the compact form /data/ loads (see src/shared/data-row.ts).
import { siteData } from "../../site/data-pages.ts";

export async function GET() {
  const { stats } = await siteData();
  return new Response(JSON.stringify(stats), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
