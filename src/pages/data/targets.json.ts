// Every tracked target with its result, verdict and rule (src/site/targets.ts) as JSON.
import { siteData } from "../../site/data-pages.ts";
import { targetsJson } from "../../site/targets.ts";

export async function GET() {
  const { targets } = await siteData();
  return new Response(targetsJson(targets), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
}
