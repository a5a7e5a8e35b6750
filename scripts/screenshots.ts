// Screenshots of the built site for looking at what readers see:
//   npm run screenshots -- [dist-dir] [path ...]
// Writes .cache/screenshots/<page>-<width>-<theme>.png at phone (390) and desktop (1280) widths,
// light and dark.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";

const [dir = "dist", ...pathArgs] = process.argv.slice(2);
const paths = pathArgs.length ? pathArgs : ["/", "/search/?q=专精特新"];
const outDir = join(process.cwd(), ".cache/screenshots");
mkdirSync(outDir, { recursive: true });

const server = await serveStatic(join(process.cwd(), dir));
const browser = await launchBrowser();
try {
  for (const path of paths) {
    for (const width of [390, 1280]) {
      for (const theme of ["light", "dark"] as const) {
        const page = await browser.newPage({
          viewport: { width, height: width < 600 ? 844 : 900 },
          colorScheme: theme,
        });
        await page.goto(server.url + path, { waitUntil: "networkidle" });
        await page.waitForTimeout(300);
        const name = `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}-${theme}.png`;
        await page.screenshot({ path: join(outDir, name), fullPage: false });
        await page.close();
        console.log(join(outDir, name));
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
