import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const node = join(root, "node_modules/.bin/node");
const run = (file: string) => spawnSync(node, ["src/cli/parse.ts", file], { cwd: root, encoding: "utf8" });
const dir = mkdtempSync(join(tmpdir(), "parse-cli-"));
const write = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

describe("parse CLI", () => {
  it("prints the digest JSON and exits 0", () => {
    const p = write("ok.txt", "一、工作回顾\n全区地区生产总值完成785.6亿元，增长7%。\n");
    const r = run(p);
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.slug).toBe("ok");
    expect(d.stats).toHaveLength(2);
  });

  it.each([
    ["empty.txt", "", /empty\.txt: empty file/],
    ["fm.txt", "---\ntitle: 报告\n正文\n", /fm\.txt:1: front matter/],
    ["bin.txt", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /bin\.txt: binary/],
  ])("bad input %s: exit 1, one line on stderr, nothing on stdout", (name, data, msg) => {
    const r = run(write(name, data));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(msg);
  });

  it("a missing file is an input problem too", () => {
    const r = run(join(dir, "missing.txt"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: no such file/);
  });

  it("warnings go to stderr without breaking exit 0", () => {
    const r = run(write("warn.txt", "---\ncolour: 红\n---\n一、工作回顾\n全区地区生产总值完成785.6亿元。\n"));
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/unknown front matter key "colour"/);
    expect(JSON.parse(r.stdout).title).toBeNull();
  });
});
