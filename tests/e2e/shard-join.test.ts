// A site built in two build shards and joined (`npm run build -- --shard K/2`, `npm run join`) is
// the site one build makes: the same files byte for byte (pages, their links, the digests, the
// search bundles and their list), and the same search results in the browser, where pagefind's
// mergeIndex joins bundles written by different shards. On the bundled reports and the corpus
// (301 reports: three search bundles, so shard 1 holds two that are not neighbours); skipped
// without ../shared/corpus.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { originalReports, pickReports, writeReports } from "../../bench/lib/reports.ts";
import { SHARD_FILE, type ShardManifest } from "../../src/build/build-mode.ts";
import { SEARCH_DIR, SHARDS_FILE, type ShardList } from "../../src/shared/shards.ts";
import { launchBrowser } from "../support/browser.ts";
import { queryCases, type ShownHit, searchOnPage } from "../support/search-harness.ts";
import { type StaticServer, serveStatic } from "../support/static-server.ts";
import { REPO, tempProject, userEnv } from "../support/temp-project.ts";

const run = promisify(execFile);
const corpus = join(REPO, "../shared/corpus");
const REPORTS = 301;

let root: string;
const single = () => join(root, "single");
const joined = () => join(root, "dist");
const shardDir = (k: number) => join(root, "dist-shards", `${k}-of-2`);

const npm = (args: string[]) =>
  run("npm", ["run", "--silent", ...args], { cwd: root, env: userEnv, maxBuffer: 64 * 1024 * 1024 });

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe.skipIf(!existsSync(corpus))("a 2-shard build, joined", () => {
  beforeAll(async () => {
    root = tempProject({});
    const reports = pickReports(originalReports(REPO, corpus), REPORTS, true);
    writeReports(join(root, "content/reports"), reports);
    await npm(["build", "--", "--outDir", single()]);
    await npm(["build", "--", "--shard", "1/2"]);
    await npm(["build", "--", "--shard", "2/2"]);
    // In any order.
    await npm(["join", "--", shardDir(2), shardDir(1)]);
  }, 1_200_000);
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("splits the reports and the search bundles between the shards", () => {
    const manifests = [1, 2].map(
      (k) => JSON.parse(readFileSync(join(shardDir(k), SHARD_FILE), "utf8")) as ShardManifest,
    );
    expect(manifests.map((m) => m.written.map((w) => w.bundle))).toEqual([[0, 2], [1]]);
    const pages = [1, 2].map((k) => readdirSync(join(shardDir(k), "reports")).length);
    expect(pages[0]).toBeGreaterThan(0);
    expect(pages[1]).toBeGreaterThan(0);
    expect((pages[0] ?? 0) + (pages[1] ?? 0)).toBe(REPORTS);
  });

  it("has the single build's files, byte for byte: pages, links, data and search index", () => {
    const names = files(single());
    expect(files(joined())).toEqual(names);
    expect(names.filter((n) => /^reports\/[^/]+\/index\.html$/u.test(n))).toHaveLength(REPORTS);
    const differing = names.filter(
      (n) => !readFileSync(join(single(), n)).equals(readFileSync(join(joined(), n))),
    );
    expect(differing).toEqual([]);
    const list = JSON.parse(readFileSync(join(joined(), SEARCH_DIR, SHARDS_FILE), "utf8")) as ShardList;
    expect(list.shards).toHaveLength(3);
  });

  describe("search", () => {
    let browser: Browser;
    const servers: StaticServer[] = [];
    beforeAll(async () => {
      browser = await launchBrowser();
      servers.push(await serveStatic(single()), await serveStatic(joined()));
    });
    afterAll(async () => {
      await browser?.close();
      for (const s of servers) await s.close();
    });

    it("gives the single build's results, from reports of both shards", async () => {
      const pages = await Promise.all(
        servers.map(async (s) => {
          const page = await browser.newPage();
          await page.goto(`${s.url}/search/`);
          return page;
        }),
      );
      const inShard1 = new Set(readdirSync(join(shardDir(1), "reports")));
      const shardsHit = new Set<number>();
      for (const { q } of queryCases.slice(0, 12)) {
        const results: ShownHit[][] = [];
        for (const page of pages) results.push((await searchOnPage(page, q)).hits);
        const [fromSingle, fromJoined = []] = results;
        expect(fromJoined, q).toEqual(fromSingle);
        for (const hit of fromJoined) shardsHit.add(inShard1.has(hit.report) ? 1 : 2);
      }
      expect([...shardsHit].sort()).toEqual([1, 2]);
    });
  });
});
