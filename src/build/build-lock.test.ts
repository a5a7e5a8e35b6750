import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireBuildLock, BuildRunning, buildLockPath } from "./build-lock.ts";

const roots: string[] = [];
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "lock-"));
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function lockHeldBy(root: string, pid: number): void {
  mkdirSync(dirname(buildLockPath(root)), { recursive: true });
  writeFileSync(buildLockPath(root), String(pid));
}

describe("build lock", () => {
  it("is taken by one build and released when it ends", () => {
    const root = project();
    const release = acquireBuildLock(root);
    expect(readFileSync(buildLockPath(root), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(buildLockPath(root))).toBe(false);
  });

  it("refuses a second build while the first one's process lives, naming it", () => {
    const root = project();
    const other = spawn("sleep", ["30"]);
    try {
      lockHeldBy(root, other.pid as number);
      expect(() => acquireBuildLock(root)).toThrow(BuildRunning);
      expect(() => acquireBuildLock(root)).toThrow(
        new RegExp(`another build .* running \\(process ${other.pid}\\)`),
      );
      expect(readFileSync(buildLockPath(root), "utf8")).toBe(String(other.pid));
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("takes over the lock of a build that was killed", () => {
    const root = project();
    const gone = spawnSync("true").pid as number;
    lockHeldBy(root, gone);
    const release = acquireBuildLock(root);
    expect(readFileSync(buildLockPath(root), "utf8")).toBe(String(process.pid));
    release();
  });

  it("takes over a lock file that holds no pid", () => {
    const root = project();
    mkdirSync(dirname(buildLockPath(root)), { recursive: true });
    writeFileSync(buildLockPath(root), "");
    acquireBuildLock(root)();
    expect(existsSync(buildLockPath(root))).toBe(false);
  });
});
