// Report text is data on the built site: a hostile report built by `astro build` in a throwaway
// project shows its text as text in the page, <title>, meta description, JSON-LD, search index and
// data exports; pages stay CSP-friendly; an ejected body that needs the MDX compiler is compiled by
// @astrojs/mdx into the same markup; a build with bad content fails whole and keeps dist/; and
// `astro dev` rebuilds a page when its source changes.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DevStep } from "../support/dev-rebuild.ts";
import { GOOD_REPORT, HOSTILE } from "../support/hostile.ts";
import { type HtmlElement, htmlFiles, readHtml, walk } from "../support/html.ts";
import { searchFragments } from "../support/search-fragments.ts";
import { astroBin, REPO, tempProject, userEnv, writeReports } from "../support/temp-project.ts";

const run = promisify(execFile);
const env = userEnv;

// Tokens stand between spaces, so the display-time punctuation transform leaves them as typed.
const HOSTILE_TITLE = "2023年 <script>alert(1)</script> {x} & javascript: 区政府工作报告";
const hostileParagraph = `各位代表：现在我代表区政府报告工作 ${HOSTILE.join(" ")} 请予审议。`;
const HOSTILE_REPORT = `---\ntitle: ${JSON.stringify(HOSTILE_TITLE)}\nregion: 上街区\nyear: 2023\n---\n\n${hostileParagraph}\n\n一、工作回顾 <b>加粗</b> {/* */}\n\n过去一年 [a](b) \`代码\` $x | # * _ 各项工作稳步推进。\n`;
const page = "/reports/hostile/index.html";
// An editor's body using MDX itself (an expression), beyond what report bodies are compiled from.
const RICH_BODY = `---\nslug: "rich"\n---\n\n<Section id="hui-gu" level="1" heading="一、回顾" figures="1">\n  <Block id="p-1">\n    全区完成<Stat id="s-1" l="地区生产总值" k="amount" v="18560000000" u="元">185.6亿元</Stat>，共{["甲", "乙"].length}项。\n  </Block>\n</Section>\n`;

let root: string;
let buildLog = "";

const textOf = (node: HtmlElement): string =>
  node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");
const find = (node: HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement[] => {
  const out: HtmlElement[] = [];
  walk(node, (el) => {
    if (test(el)) out.push(el);
  });
  return out;
};
const dist = () => join(root, "dist");

beforeAll(async () => {
  root = tempProject({
    "hostile.txt": HOSTILE_REPORT,
    "good.txt": GOOD_REPORT,
    "gov-article.html": readFileSync(new URL("../fixtures/pages/gov-article.html", import.meta.url)),
    "report.md": readFileSync(new URL("../fixtures/pages/report.md", import.meta.url)),
    "rich.txt": GOOD_REPORT,
    "rich.mdx": RICH_BODY,
  });
  const { stdout, stderr } = await run(astroBin, ["build"], { cwd: root, env, maxBuffer: 1 << 26 });
  buildLog = stdout + stderr;
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a hostile report on the built site", () => {
  it("builds all four formats and shows progress", () => {
    expect(buildLog).toContain("parsed 5/5 reports");
    expect(buildLog).toContain("site written to");
    for (const slug of ["hostile", "good", "gov-article", "report", "rich"]) {
      expect(existsSync(join(dist(), "reports", slug, "index.html")), slug).toBe(true);
    }
  });

  it("shows every hostile token as text in the page body", () => {
    const tree = readHtml(dist(), page);
    const main = find(tree, (el) => el.tagName === "main")[0] as HtmlElement;
    const text = textOf(main).replace(/\s+/gu, " ");
    for (const token of HOSTILE) expect(text, token).toContain(token);
    expect(text).toContain("一、工作回顾 <b>加粗</b> {/* */}");
    expect(text).toContain("过去一年 [a](b) `代码` $x | # * _ 各项工作稳步推进。");
  });

  it("keeps the title as text in <title>, the <h1>, the meta description and JSON-LD", () => {
    const tree = readHtml(dist(), page);
    const title = find(tree, (el) => el.tagName === "title")[0] as HtmlElement;
    expect(textOf(title)).toContain(HOSTILE_TITLE);
    expect(textOf(find(tree, (el) => el.tagName === "h1")[0] as HtmlElement)).toContain(HOSTILE_TITLE);
    const description = find(tree, (el) => el.tagName === "meta" && el.properties?.name === "description")[0];
    expect(String(description?.properties?.content)).toContain("<script>alert(1)</script>");
    for (const ld of find(
      tree,
      (el) => el.tagName === "script" && el.properties?.type === "application/ld+json",
    )) {
      expect(JSON.stringify(JSON.parse(textOf(ld)))).toContain(JSON.stringify(HOSTILE_TITLE).slice(1, -1));
    }
  });

  it("never lets report text become markup: no hostile element, attribute or URL in any page", () => {
    for (const path of htmlFiles(dist())) {
      // Outside quoted attribute values (where "<" is plain text) the tokens are escaped.
      const raw = readFileSync(join(dist(), path), "utf8").replace(/="[^"]*"/gu, "");
      for (const tag of ["<script>alert", "<img src=x", "<b>加粗", "</Block>", "<Section>"]) {
        expect(raw, `${path}: ${tag}`).not.toContain(tag);
      }
      walk(readHtml(dist(), path), (el) => {
        expect(el.tagName, path).not.toBe("img");
        for (const [name, value] of Object.entries(el.properties ?? {})) {
          expect(name.toLowerCase(), path).not.toMatch(/^on/u);
          if (name === "href" || name === "src") expect(String(value), path).not.toMatch(/^\s*javascript:/iu);
        }
      });
    }
  });

  it("indexes the text as text for search and the data exports", () => {
    const hostileDocs = searchFragments(dist()).filter((d) => d.filters.report?.[0] === HOSTILE_TITLE);
    expect(hostileDocs.length).toBeGreaterThan(0);
    expect(hostileDocs.map((d) => d.text).join("\n")).toContain(hostileParagraph);
    const exported = join(dist(), "data/stats.json");
    if (existsSync(exported)) {
      const data = JSON.parse(readFileSync(exported, "utf8")) as { reports: { title: string }[] };
      expect(data.reports.map((r) => r.title)).toContain(HOSTILE_TITLE);
    }
  });
});

/** Pages load scripts only as bundled files: no inline handlers, no inline code (JSON data aside). */
function cspProblems(dir: string): string[] {
  const problems: string[] = [];
  for (const path of htmlFiles(dir)) {
    walk(readHtml(dir, path), (el) => {
      for (const name of Object.keys(el.properties ?? {})) {
        if (/^on/iu.test(name)) problems.push(`${path}: inline handler ${name} on <${el.tagName}>`);
      }
      if (el.tagName !== "script") return;
      const type = String(el.properties?.type ?? "");
      if (!el.properties?.src && type !== "application/ld+json" && textOf(el).trim()) {
        problems.push(`${path}: inline <script${type ? ` type="${type}"` : ""}>`);
      }
    });
  }
  return problems;
}

describe("an ejected body that needs the MDX compiler", () => {
  it("is compiled by @astrojs/mdx into the report markup, its expression evaluated", () => {
    const tree = readHtml(dist(), "/reports/rich/index.html");
    const body = find(tree, (el) => String(el.properties?.className ?? "").includes("report-body"))[0];
    expect(body).toBeDefined();
    const heading = find(body as HtmlElement, (el) => el.tagName === "h2")[0] as HtmlElement;
    expect(heading.properties?.id).toBe("hui-gu");
    const stat = find(body as HtmlElement, (el) => el.tagName === "a" && el.properties?.id === "s-1")[0];
    expect(stat?.properties?.dataValue).toBe("185.6 亿元");
    expect(textOf(body as HtmlElement)).toContain("共2项。");
    // Every other body is compiled by the build itself.
    expect(existsSync(join(root, ".generated/bodies/rich.html"))).toBe(false);
    expect(existsSync(join(root, ".generated/bodies/good.html"))).toBe(true);
  });
});

describe("the 404 page", () => {
  it("is in Chinese and offers the search box (works without JS: a GET form to /search/)", () => {
    const tree = readHtml(dist(), "/404.html");
    expect(textOf(find(tree, (el) => el.tagName === "h1")[0] as HtmlElement)).toBe("没有找到这个页面");
    const form = find(tree, (el) => el.tagName === "form" && el.properties?.role === "search")[0];
    expect(form?.properties).toMatchObject({ action: "/search/", method: "get" });
    expect(
      find(form as HtmlElement, (el) => el.tagName === "input" && el.properties?.name === "q"),
    ).toHaveLength(1);
  });
});

describe("Content-Security-Policy friendly pages", () => {
  it("no inline event handlers or inline scripts in the hostile build", () => {
    expect(cspProblems(dist())).toEqual([]);
  });

  it("no inline event handlers or inline scripts in the site built from content/", () => {
    expect(cspProblems(inject("siteDir"))).toEqual([]);
  });
});

describe("a rebuild after editing a report and two ejected bodies", () => {
  it("shows every edit, copies the unchanged pages and finds the new text in search", async () => {
    writeReports(root, {
      "good.txt": `${GOOD_REPORT}\n全区新能源汽车产量增长37.5%。\n`,
      "rich.mdx": RICH_BODY.replace("共{", "合计共{"),
      // A body the build compiles, edited while its report's source (and digest) stays the same.
      "gov-article.mdx": `<Section id="gai-xie" level="1" heading="改写">\n  <Block id="p-1">\n    编辑改写的正文。\n  </Block>\n</Section>\n`,
    });
    const { stdout, stderr } = await run(astroBin, ["build"], { cwd: root, env, maxBuffer: 1 << 26 });
    const log = stdout + stderr;
    expect(log).toMatch(/reports ready \(1 parsed, 4 from cache\)/u);
    expect(log).toContain("(restored)");
    expect(log).toMatch(/search index: pagefind: \d+ sections of 5 reports in 1 shard/u);
    const good = readHtml(dist(), "/reports/good/index.html");
    const figures = find(
      good,
      (el) => el.tagName === "a" && String(el.properties?.className).includes("stat"),
    );
    expect(figures.map(textOf)).toContainEqual(expect.stringContaining("37.5%"));
    expect(textOf(readHtml(dist(), "/reports/rich/index.html"))).toContain("合计共2项。");
    expect(textOf(readHtml(dist(), "/reports/gov-article/index.html"))).toContain("编辑改写的正文。");
    const texts = searchFragments(dist()).map((d) => d.text);
    expect(texts.filter((t) => t.includes("新能源汽车产量"))).toHaveLength(1);
  }, 300_000);
});

describe("a build with bad content", () => {
  it("lists every content error at once, fails, and leaves the good dist/ untouched", async () => {
    const before = snapshot(dist());
    writeReports(root, {
      "empty.txt": "",
      "image.txt": Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "open.md": `---\ntitle: 标题\n\n${GOOD_REPORT}`,
    });
    const failed = await run(astroBin, ["build"], { cwd: root, env }).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    for (const f of ["empty.txt", "image.txt", "open.md"]) rmSync(join(root, "content/reports", f));
    expect(failed?.code).not.toBe(0);
    const out = `${failed?.stdout}${failed?.stderr}`;
    expect(out).toContain("error: content/reports/empty.txt: empty file");
    expect(out).toContain("error: content/reports/image.txt: binary data");
    expect(out).toContain("error: content/reports/open.md:1: front matter opened with --- is never closed");
    expect(out).toContain("3 content errors in content/reports (listed above); nothing was built.");
    expect(out).not.toMatch(/\n\s+at .*\.ts:\d+/u);
    expect(snapshot(dist())).toEqual(before);
  }, 120_000);
});

/** Every file under dir with its size and modification time. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    const s = statSync(join(dir, path));
    if (s.isFile()) out[path] = `${s.size}:${s.mtimeMs}`;
  }
  return out;
}

describe("astro dev", () => {
  /** Plays `steps` against `astro dev` in the test project (tests/support/dev-rebuild.ts). */
  async function dev(steps: DevStep[]): Promise<{ ok: boolean; failed?: number; log: string }> {
    const helper = join(REPO, "tests/support/dev-rebuild.ts");
    const { stdout } = await run(process.execPath, [helper, root, JSON.stringify(steps)], { cwd: root, env });
    return JSON.parse(stdout) as { ok: boolean; failed?: number; log: string };
  }

  it("rebuilds a report's page when its source file changes", async () => {
    const result = await dev([
      { page: "/reports/good/", contains: ["185.6亿元"] },
      {
        file: "content/reports/good.txt",
        replace: ["185.6亿元", "199.9亿元"],
        page: "/reports/good/",
        contains: ["199.9"],
      },
    ]);
    expect(result.ok, result.log).toBe(true);
    expect(result.log).toMatch(/reports ready \(\d parsed/u);
  }, 200_000);

  it("serves the page of a report added while it runs (no restart), and lists it", async () => {
    const result = await dev([
      { page: "/reports/good/", contains: ["政府工作报告"] },
      {
        file: "content/reports/added-later.txt",
        content: GOOD_REPORT.replace("请予审议", "新增报告请予审议"),
        page: "/reports/added-later/",
        contains: ["新增报告请予审议"],
      },
      { page: "/", contains: ["/reports/added-later/"] },
    ]);
    expect(result.ok, result.log).toBe(true);
  }, 200_000);

  it("shows a content error on the report's page with file, line and the fix, keeps the others, and clears when fixed", async () => {
    const good = readFileSync(join(root, "content/reports/good.txt"), "utf8");
    const broken = `---\ntitle: 未闭合的前言\n\n${good}`;
    const result = await dev([
      { page: "/reports/good/", contains: ["政府工作报告"] },
      {
        file: "content/reports/good.txt",
        content: broken,
        page: "/reports/good/",
        status: 500,
        contains: [
          "content/reports/good.txt:1: front matter opened with --- is never closed",
          "修正",
          "不必重启",
        ],
      },
      // Another report's page still works.
      { page: "/reports/hostile/", contains: ["请予审议"] },
      {
        file: "content/reports/good.txt",
        content: good,
        page: "/reports/good/",
        contains: ["请予审议"],
        lacks: ["修正"],
      },
    ]);
    expect(result.ok, `step ${result.failed}: ${result.log}`).toBe(true);
  }, 200_000);

  it("keeps up with an edit storm: 50 saves over 10 s to 10 reports, each page right within 3 s", async () => {
    const stormed = Array.from({ length: 8 }, (_, i) => `storm-${i + 1}`);
    writeReports(root, Object.fromEntries(stormed.map((slug) => [`${slug}.txt`, GOOD_REPORT])));
    const good = readFileSync(join(root, "content/reports/good.txt"), "utf8");
    const rich = readFileSync(join(root, "content/reports/rich.mdx"), "utf8");
    // Ten files, the ejected body of rich among them; each save marks its text with its number.
    const files = [
      ...stormed.map((slug) => `content/reports/${slug}.txt`),
      "content/reports/good.txt",
      "content/reports/rich.mdx",
    ];
    const contentOf = (file: string, k: number) =>
      file.endsWith(".mdx")
        ? rich.replace("全区完成", `全区完成第${k}稿`)
        : (file.endsWith("good.txt") ? good : GOOD_REPORT).replace("请予审议", `请予审议第${k}稿`);
    const edits = Array.from({ length: 50 }, (_, k) => ({
      file: files[k % files.length] as string,
      content: "",
    }));
    for (const [k, edit] of edits.entries()) edit.content = contentOf(edit.file, k);
    const lastOf = new Map(edits.map((e, k) => [e.file, k]));
    const pageOf = (file: string) =>
      `/reports/${file
        .split("/")
        .pop()
        ?.replace(/\.[a-z]+$/u, "")}/`;
    const marker = (file: string) => (file.endsWith(".mdx") ? "全区完成第" : "请予审议第");
    const result = await dev([
      { page: "/reports/storm-8/", contains: ["请予审议"] },
      {
        storm: { edits, spacingMs: 200 },
        page: pageOf(files[0] as string),
        contains: [`${marker(files[0] as string)}${lastOf.get(files[0] as string)}稿`],
        deadlineMs: 3000,
      },
      ...files.slice(1).map((file) => ({
        page: pageOf(file),
        contains: [`${marker(file)}${lastOf.get(file)}稿`],
        deadlineMs: 3000,
      })),
    ]);
    expect(result.ok, `step ${result.failed}: ${result.log}`).toBe(true);
    expect(result.log).not.toMatch(/\[ERROR\]|ENOTEMPTY|EEXIST|ENOENT/u);
    // Nothing half-written left behind.
    const leftovers = (dir: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.partial$|\.tmp$/u.test(f))
        : [];
    expect([...leftovers(join(root, ".cache")), ...leftovers(join(root, ".generated"))]).toEqual([]);
  }, 200_000);
});
