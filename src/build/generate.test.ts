import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { termFinder } from "../ingest/glossary.ts";
import { parseReport } from "../ingest/index.ts";
import type { ReportDigest } from "../ingest/types.ts";
import { listedDigests } from "./digest-store.ts";
import { generate } from "./generate.ts";

const repo = join(import.meta.dirname, "../..");
const sources = ["shangjiequ-2022-huigu.txt", "zhongyuanqu-2022-jingji-gongzuo-huiyi.txt"];
const roots: string[] = [];

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "generate-test-"));
  roots.push(root);
  mkdirSync(join(root, "content/reports"), { recursive: true });
  cpSync(join(repo, "content/glossary.yml"), join(root, "content/glossary.yml"));
  for (const name of sources)
    cpSync(join(repo, "content/reports", name), join(root, "content/reports", name));
  return root;
}

const mtimes = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).mtimeMs]));

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("generate", () => {
  it("marks the warnings of a report unchanged since the last generate, so they are not printed again", () => {
    const root = project();
    const untitled = join(root, "content/reports/untitled.txt");
    writeFileSync(untitled, "各位代表：\n现在，我代表区人民政府作工作报告。全年地区生产总值增长5%。\n");
    const first = generate({ root }).warnings.filter((w) => w.file === "content/reports/untitled.txt");
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((w) => !w.unchanged)).toBe(true);
    const second = generate({ root }).warnings.filter((w) => w.file === "content/reports/untitled.txt");
    expect(second.map((w) => w.message)).toEqual(first.map((w) => w.message));
    expect(second.every((w) => w.unchanged)).toBe(true);
    appendFileSync(untitled, "请予审议。\n");
    expect(generate({ root }).warnings.some((w) => w.file.endsWith("untitled.txt") && !w.unchanged)).toBe(
      true,
    );
  });

  it("takes an unchanged report from the last build without reading its parse again", () => {
    const root = project();
    const first = generate({ root });
    const digests = join(root, ".generated/digests");
    const before = mtimes(digests);
    // Without the parse cache, anything read in full would be parsed again.
    rmSync(join(root, ".cache/parse"), { recursive: true, force: true });
    const second = generate({ root });
    expect([second.parsed, second.cached, second.errors]).toEqual([0, 2, []]);
    expect(mtimes(digests)).toEqual(before);
    expect(second.reports.map((r) => [r.slug, r.key, r.head])).toEqual(
      first.reports.map((r) => [r.slug, r.key, r.head]),
    );
    // Its digest is still there when asked for, the same as the last build's.
    expect(second.reports.map((r) => r.digest())).toEqual(first.reports.map((r) => r.digest()));
    // A generated file gone missing is written again (parsed again: the parse cache is gone, and
    // the digests asked for above were read from their files).
    const [name] = readdirSync(digests);
    rmSync(join(digests, name as string));
    const third = generate({ root });
    expect([third.parsed, third.cached, third.errors]).toEqual([1, 1, []]);
    expect(JSON.parse(readFileSync(join(digests, name as string), "utf8"))).toEqual(
      first.reports.find((r) => `${r.slug}.json` === name)?.digest(),
    );
  });

  it("knows an unchanged source by its size and mtime, and reads a save of the same size again", () => {
    const root = project();
    const file = join(root, "content/reports", sources[0] as string);
    // A whole second, which utimes sets exactly.
    const saved = new Date("2026-01-01T00:00:00Z");
    utimesSync(file, saved, saved);
    generate({ root });
    const text = readFileSync(file, "utf8");
    // The same number of bytes, another figure (the last, in the body): only the mtime says it changed.
    const edited = text.replace(/\d(?=\D*$)/u, (d) => String((Number(d) + 1) % 10));
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(text));
    writeFileSync(file, edited);
    // Its stat put back as it was: taken as unchanged, not read.
    utimesSync(file, saved, saved);
    const same = generate({ root });
    expect([same.parsed, same.errors]).toEqual([0, []]);
    // Saved (a new mtime): read, hashed and parsed again.
    utimesSync(file, saved, new Date(saved.getTime() + 1000));
    const again = generate({ root });
    expect([again.parsed, again.errors]).toEqual([1, []]);
  });

  it("reuses cached parses and leaves unchanged generated files untouched", () => {
    const root = project();
    const first = generate({ root });
    expect([first.parsed, first.cached, first.errors]).toEqual([2, 0, []]);
    const generated = join(root, ".generated/reports");
    const before = mtimes(generated);

    const second = generate({ root });
    expect([second.parsed, second.cached]).toEqual([0, 2]);
    expect(second.reports.map((r) => r.digest())).toEqual(first.reports.map((r) => r.digest()));
    expect(mtimes(generated)).toEqual(before);

    appendFileSync(join(root, "content/reports", sources[0] as string), "\n全年新增就业岗位1200个。\n");
    const third = generate({ root });
    expect([third.parsed, third.cached]).toEqual([1, 1]);
    const after = mtimes(generated);
    expect(after["zhongyuanqu-2022-jingji-gongzuo-huiyi.mdx"]).toBe(
      before["zhongyuanqu-2022-jingji-gongzuo-huiyi.mdx"],
    );
    expect(after["shangjiequ-2022-huigu.mdx"]).not.toBe(before["shangjiequ-2022-huigu.mdx"]);
    // The parse of the report's earlier text is dropped from the cache, not kept forever.
    expect(readdirSync(join(root, ".cache/parse"))).toHaveLength(2);
  });

  it("re-emits when generated files are lost and removes those of deleted reports", () => {
    const root = project();
    generate({ root });
    rmSync(join(root, ".generated/reports/shangjiequ-2022-huigu.mdx"));
    rmSync(join(root, "content/reports", sources[1] as string));
    generate({ root });
    expect(readdirSync(join(root, ".generated/reports"))).toEqual(["shangjiequ-2022-huigu.mdx"]);
    expect(readdirSync(join(root, ".generated/digests"))).toEqual(["shangjiequ-2022-huigu.json"]);
  });
});

describe("generate on two cores", () => {
  it("parses many new reports half on a worker thread, with the same digests as one at a time", () => {
    const root = project();
    const dir = join(root, "content/reports");
    // 20 reports: more than a worker is started for; one of them broken, reported as usual.
    for (let i = 0; i < 18; i++) cpSync(join(dir, sources[i % 2] as string), join(dir, `copy-${i}.txt`));
    writeFileSync(join(dir, "broken.txt"), new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    const parallel = generate({ root, write: false });
    expect(parallel.parsedInParallel).toBeGreaterThan(0);
    expect(parallel.parsed).toBe(21);
    expect(parallel.errors.map((e) => e.file)).toEqual(["content/reports/broken.txt"]);

    rmSync(join(root, ".cache"), { recursive: true, force: true });
    const one = project();
    for (const name of readdirSync(dir)) cpSync(join(dir, name), join(one, "content/reports", name));
    rmSync(join(one, "content/reports/broken.txt"));
    const findTerms = termFinder(readFileSync(join(one, "content/glossary.yml"), "utf8"));
    const sequential = readdirSync(join(one, "content/reports")).map((name) =>
      parseReport({
        bytes: readFileSync(join(one, "content/reports", name)),
        path: `content/reports/${name}`,
        findTerms,
      }),
    );
    const bySlug = (digests: ReportDigest[]) => new Map(digests.map((d) => [d.slug, d]));
    const expected = bySlug(sequential.map((r) => r.digest));
    const digests = parallel.reports.map((r) => r.digest());
    for (const [slug, digest] of bySlug(digests)) expect(digest, slug).toEqual(expected.get(slug));
    expect(digests).toHaveLength(20);
  });

  it("parses a report again when its parse cache entry is damaged, and refuses a damaged digest file", () => {
    const root = project();
    const first = generate({ root });
    const cacheDir = join(root, ".cache/parse");
    for (const name of readdirSync(cacheDir))
      writeFileSync(join(cacheDir, name), JSON.stringify({ digest: { slug: "x" }, warnings: [] }));
    rmSync(join(root, ".generated/sources.json"));
    const second = generate({ root });
    expect([second.parsed, second.errors]).toEqual([2, []]);
    expect(second.reports.map((r) => r.digest())).toEqual(first.reports.map((r) => r.digest()));
    const [report] = listedDigests(root, second.reports);
    const path = join(root, `.generated/digests/${report?.slug}.json`);
    writeFileSync(path, JSON.stringify({ ...report?.digest(), stats: [{ id: 1 }] }));
    expect(() => report?.digest()).toThrow(`${path}: not a report digest: stats.0.id:`);
  });
});
