// The authoring CLIs (`npm run check`, `npm run new`, `npm run eject`) run as the author runs
// them: a Node process in a project directory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generate } from "../../src/build/generate.ts";
import { parseFrontMatter } from "../../src/ingest/frontmatter.ts";
import { encodeGbk } from "../support/gbk.ts";
import { GOOD_REPORT } from "../support/hostile.ts";

const repo = fileURLToPath(new URL("../..", import.meta.url));
const node = join(repo, "node_modules/.bin/node");

let root: string;
let reports: string;
const cli = (name: string, ...args: string[]) =>
  spawnSync(node, [join(repo, "src/cli", `${name}.ts`), ...args], { cwd: root, encoding: "utf8" });

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "authoring-"));
  reports = join(root, "content/reports");
  mkdirSync(reports, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("npm run check", () => {
  it("exits 0 on good content and says how much it checked", () => {
    writeFileSync(join(reports, "good.txt"), GOOD_REPORT);
    const r = cli("check");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1 report files checked: 0 errors, 0 warnings");
    expect(existsSync(join(root, ".generated"))).toBe(false);
  });

  it("lists every content error, one line each with file and line, and exits 1", () => {
    writeFileSync(join(reports, "good.txt"), GOOD_REPORT);
    writeFileSync(join(reports, "empty.txt"), "");
    writeFileSync(join(reports, "open.md"), `---\ntitle: 标题\n\n${GOOD_REPORT}`);
    writeFileSync(join(reports, "typo.md"), `---\nyear: 今年\n---\n${GOOD_REPORT}`);
    writeFileSync(join(reports, "extra.md"), `---\nregion: 上街区\nsorce: 网\n---\n${GOOD_REPORT}`);
    const r = cli("check");
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n").sort()).toEqual([
      "error: content/reports/empty.txt: empty file",
      "error: content/reports/open.md:1: front matter opened with --- is never closed",
      expect.stringMatching(/^error: content\/reports\/typo\.md:2: front matter key "year": /u),
      expect.stringMatching(/^warning: content\/reports\/extra\.md:3: .*"sorce"/u),
    ]);
    expect(r.stdout).toContain("5 report files checked: 3 errors, 1 warnings");
  });
});

describe("npm run new", () => {
  it("copies a GBK report into content/reports as UTF-8 with detected front matter and prints what it found", () => {
    const source = join(root, "saved.txt");
    writeFileSync(source, encodeGbk(GOOD_REPORT));
    const r = cli("new", source);
    expect(r.status, r.stderr).toBe(0);
    const target = join(reports, "shangjiequ-2023-zhengfugongzuobaogao.txt");
    expect(r.stdout).toContain(`wrote ${target} (from gb18030)`);
    expect(r.stdout).toMatch(/title\s+2023年上街区政府工作报告/u);
    expect(r.stdout).toMatch(/region\s+上街区/u);
    expect(r.stdout).toContain("一、2022年工作回顾");
    expect(r.stdout).toContain("地区生产总值：185.6亿元");
    const written = readFileSync(target, "utf8");
    const fm = parseFrontMatter(written, target);
    expect(fm.data).toMatchObject({ title: "2023年上街区政府工作报告", region: "上街区", year: 2023 });
    expect(fm.body).toContain("全区地区生产总值完成185.6亿元，增长4.2%。");
    expect(cli("check").status).toBe(0);
  });

  it("options win over detection; an existing target needs --force", () => {
    const source = join(root, "saved.txt");
    writeFileSync(source, GOOD_REPORT);
    const args = ["--region", "二七区", "--year", "2024", "--kind", "报告摘要", "--slug", "erqi"];
    expect(cli("new", source, ...args).status).toBe(0);
    const fm = parseFrontMatter(readFileSync(join(reports, "erqi.txt"), "utf8"), "erqi.txt");
    expect(fm.data).toMatchObject({ region: "二七区", year: 2024, kind: "报告摘要" });
    const again = cli("new", source, ...args);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists \(use --force/u);
    expect(cli("new", source, ...args, "--force").status).toBe(0);
  });

  it("rejects a bad file with one line and exit 1, writing nothing", () => {
    const source = join(root, "image.txt");
    writeFileSync(source, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = cli("new", source);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toMatch(/image\.txt: binary data/u);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(cli("new", join(root, "missing.txt")).stderr.trim()).toMatch(/missing\.txt: no such file$/u);
  });
});

describe("npm run eject", () => {
  beforeEach(() => writeFileSync(join(reports, "good.txt"), GOOD_REPORT));

  it("writes the generated MDX, which then replaces the generated body and stays validated", () => {
    const r = cli("eject", "good");
    expect(r.status, r.stderr).toBe(0);
    const ejected = join(reports, "good.mdx");
    const mdx = readFileSync(ejected, "utf8");
    expect(mdx).toContain("<Section");
    writeFileSync(ejected, mdx.replace("各位代表", "各位代表（编辑改）"));
    const result = generate({ root });
    expect(result.errors).toEqual([]);
    const body = readFileSync(join(root, ".generated/reports/good.mdx"), "utf8");
    expect(body).toContain("各位代表（编辑改）");
    // Compiled to the page body's HTML like a generated one.
    expect(readFileSync(join(root, ".generated/bodies/good.html"), "utf8")).toContain("各位代表（编辑改）");
    // Still a report: its digest (title, figures, search) comes from the source.
    expect(existsSync(join(root, ".generated/digests/good.json"))).toBe(true);
    expect(cli("eject", "good").status).toBe(1);
  });

  it("an ejected body using MDX itself goes to @astrojs/mdx, and back once it no longer does", () => {
    expect(cli("eject", "good").status).toBe(0);
    const ejected = join(reports, "good.mdx");
    const mdx = readFileSync(ejected, "utf8");
    const generated = (dir: string) =>
      existsSync(join(root, `.generated/${dir}/good.${dir === "bodies" ? "html" : "mdx"}`));
    writeFileSync(ejected, mdx.replace("各位代表", "各位代表{1 + 1}"));
    expect(generate({ root }).errors).toEqual([]);
    expect([generated("mdx-pages"), generated("bodies")]).toEqual([true, false]);
    writeFileSync(ejected, mdx);
    expect(generate({ root }).errors).toEqual([]);
    expect([generated("mdx-pages"), generated("bodies")]).toEqual([false, true]);
  });

  it("broken ejected MDX is a content error with file and line", () => {
    expect(cli("eject", "good").status).toBe(0);
    const ejected = join(reports, "good.mdx");
    const lines = readFileSync(ejected, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes("各位代表"));
    lines[at] = `${lines[at]} <Stat id="x">未闭合`;
    writeFileSync(ejected, lines.join("\n"));
    const r = cli("check");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: content\/reports\/good\.mdx:\d+: MDX does not compile/mu);
  });

  it("an ejected body without its report is a warning, not a silent leftover", () => {
    writeFileSync(join(reports, "gone.mdx"), '<Section id="x" level="1">正文</Section>\n');
    const r = cli("check");
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe(
      'warning: content/reports/gone.mdx: no report has the slug "gone", so this ejected page body is unused',
    );
  });

  it("an unknown slug is one line listing the known ones", () => {
    const r = cli("eject", "nope");
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('no report with the slug "nope"; known: good');
  });
});
