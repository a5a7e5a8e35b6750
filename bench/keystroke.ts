// Keystroke → rendered results on /search/ of a built site: `node bench/keystroke.ts DIST [RUNS]`.
// Serves DIST, types the 20 QUERIES of bench/lib/browser.ts on one /search/ page (Enter, then
// until the results region has been quiet for SEARCH_UI.settleMs) and prints each run's median
// and max, and the times. RUNS (default 1) repeats it on fresh pages.
import { existsSync } from "node:fs";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";
import { keystrokeTimes, QUERIES } from "./lib/browser.ts";
import { median } from "./lib/median.ts";

const [dist = "dist", runs = "1"] = process.argv.slice(2).filter((a) => a !== "--");
if (!existsSync(`${dist}/search/index.html`)) {
  console.log(`needs a built site in ${dist}/`);
  process.exit(1);
}
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  for (let run = 0; run < Number(runs); run++) {
    const times = await keystrokeTimes(browser, server.url, QUERIES);
    console.log(
      `run ${run + 1}: keystroke→results median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} queries`,
    );
    console.log(`  ${QUERIES.map((q, i) => `${q} ${times[i]?.toFixed(0)}`).join(", ")}`);
  }
} finally {
  await browser.close();
  await server.close();
}
