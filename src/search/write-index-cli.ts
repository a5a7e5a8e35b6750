// `node src/search/write-index-cli.ts DIGESTS_DIR SITE_DIR`: writes SITE_DIR/search-index/ from the
// generated digests and prints a one-line JSON summary. The build runs it as a separate process
// while Astro renders the pages, so the two use both cores instead of one after the other.
import { eachDigest } from "../build/digest-store.ts";
import { writeSearchIndex } from "./index-write.ts";

const [digests, siteDir] = process.argv.slice(2);
if (!digests || !siteDir) {
  process.stderr.write("usage: node src/search/write-index-cli.ts DIGESTS_DIR SITE_DIR\n");
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await writeSearchIndex(eachDigest(digests), siteDir))}\n`);
