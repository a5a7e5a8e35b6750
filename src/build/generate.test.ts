import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
  it("reuses cached parses and leaves unchanged generated files untouched", () => {
    const root = project();
    const first = generate({ root });
    expect([first.parsed, first.cached, first.errors]).toEqual([2, 0, []]);
    const generated = join(root, ".generated/reports");
    const before = mtimes(generated);

    const second = generate({ root });
    expect([second.parsed, second.cached]).toEqual([0, 2]);
    expect(second.digests).toEqual(first.digests);
    expect(mtimes(generated)).toEqual(before);

    appendFileSync(join(root, "content/reports", sources[0] as string), "\n全年新增就业岗位1200个。\n");
    const third = generate({ root });
    expect([third.parsed, third.cached]).toEqual([1, 1]);
    const after = mtimes(generated);
    expect(after["zhongyuanqu-2022-jingji-gongzuo-huiyi.mdx"]).toBe(
      before["zhongyuanqu-2022-jingji-gongzuo-huiyi.mdx"],
    );
    expect(after["shangjiequ-2022-huigu.mdx"]).not.toBe(before["shangjiequ-2022-huigu.mdx"]);
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
