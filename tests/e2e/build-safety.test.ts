// Builds that survive what happens to them: two builds started at once in one project (the second
// says a build is running), and a build interrupted mid-render by SIGKILL or SIGINT, or by a full
// disk (writes failing from some point on), leaves the last site whole, leaves no index writer
// behind, and the next build succeeds with the caches it left.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_DIR, SHARDS_FILE, type ShardList } from "../../src/shared/shards.ts";
import { GOOD_REPORT } from "../support/hostile.ts";
import { astroBin, REPO, tempProject, userEnv } from "../support/temp-project.ts";

const run = promisify(execFile);
const env = userEnv;

let root: string;
const dist = () => join(root, "dist");

const reports = {
  "shangjie-2023.txt": GOOD_REPORT,
  "shangjie-2024.txt": GOOD_REPORT.replaceAll("2023", "2024").replaceAll("2022", "2023"),
};

/** A built site that is whole: its pages, and a search index whose every shard is there. */
function expectWholeSite(): void {
  expect(existsSync(join(dist(), "index.html"))).toBe(true);
  for (const slug of ["shangjie-2023", "shangjie-2024"]) {
    expect(existsSync(join(dist(), "reports", slug, "index.html")), slug).toBe(true);
  }
  const list = JSON.parse(readFileSync(join(dist(), SEARCH_DIR, SHARDS_FILE), "utf8")) as ShardList;
  expect(list.shards.length).toBeGreaterThan(0);
  for (const key of list.shards)
    expect(existsSync(join(dist(), SEARCH_DIR, key, "fragment")), key).toBe(true);
}

/** A build after whatever happened succeeds, with the caches it left, and writes a whole site. */
async function expectNextBuildToSucceed(): Promise<void> {
  const next = await run(astroBin, ["build"], { cwd: root, env, maxBuffer: 1 << 26 });
  expect(next.stdout + next.stderr).toMatch(/site written to/u);
  expectWholeSite();
}

function startBuild(): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(astroBin, ["build"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (chunk) => {
    out += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    out += chunk;
  });
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`never printed ${pattern}:\n${output()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Processes still running from this project (the index writer, pagefind). */
function leftovers(): string[] {
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/u.test(pid))
    .flatMap((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
        return cmd.includes(root) ? [cmd] : [];
      } catch {
        return [];
      }
    });
}

beforeAll(async () => {
  root = tempProject(reports);
  await run(astroBin, ["build"], { cwd: root, env, maxBuffer: 1 << 26 });
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("two builds at once", () => {
  it("lets the first finish and tells the second, clearly, that a build is running", async () => {
    const first = startBuild();
    await waitFor(first.output, /reports ready/u);
    const second = await run(astroBin, ["build"], { cwd: root, env }).then(
      () => ({ code: 0, output: "" }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
    expect(second.code).not.toBe(0);
    expect(second.output).toMatch(/another build of this project is running \(process \d+\)/u);
    expect(second.output).not.toMatch(/^\s+at /mu);
    expect(await first.exit).toBe(0);
    expectWholeSite();
    expect(existsSync(join(root, ".cache/build.lock"))).toBe(false);
  }, 300_000);
});

// Stopped at three points: its reports just generated (the index writer starting), while Astro
// renders, and while the share cards are drawn and the index finishes.
const STOP_POINTS = [
  ["with its reports generated", /reports ready/u],
  ["while it renders", /generating static routes/u],
  ["while it draws the share cards", /generating static routes[\s\S]*✓ Completed/u],
] as const;
describe.each(
  (["SIGKILL", "SIGINT"] as const).flatMap((signal) =>
    STOP_POINTS.map(([when, at]) => ({ signal, when, at })),
  ),
)("a build stopped by $signal $when", ({ signal, at }) => {
  it("leaves the last site whole and no process behind, and the next build succeeds", async () => {
    const before = readFileSync(join(dist(), "index.html"), "utf8");
    const build = startBuild();
    await waitFor(build.output, at);
    build.child.kill(signal);
    await build.exit;
    // The index writer notices its build is gone.
    const deadline = Date.now() + 10_000;
    while (leftovers().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(leftovers()).toEqual([]);
    expect(readFileSync(join(dist(), "index.html"), "utf8")).toBe(before);
    expectWholeSite();

    await expectNextBuildToSucceed();
  }, 300_000);
});

// A rebuild of this project makes ~31 writes in Astro's process (FAIL_WRITES_COUNT=1 prints the
// count): 3, 15 and 28 fail it while generating, while rendering, and near the end.
describe.each([3, 15, 28])("a build whose disk fills up after %i writes", (after) => {
  it("fails, leaves the last site whole, and the next build succeeds", async () => {
    const before = readFileSync(join(dist(), "index.html"), "utf8");
    const failing = {
      ...env,
      FAIL_WRITES_AFTER: String(after),
      NODE_OPTIONS: `--import ${join(REPO, "tests/support/fail-writes.ts")}`,
    };
    const outcome = await run(astroBin, ["build"], { cwd: root, env: failing, maxBuffer: 1 << 26 }).then(
      () => "succeeded",
      (error: { stdout: string; stderr: string }) => error.stdout + error.stderr,
    );
    expect(outcome).toMatch(/ENOSPC/u);
    expect(readFileSync(join(dist(), "index.html"), "utf8")).toBe(before);
    expectWholeSite();
    await expectNextBuildToSucceed();
  }, 300_000);
});
