// One build at a time per project: two builds would write the same .generated/, caches and
// staging directory. The lock is a file holding the building process's pid; a lock whose process
// is gone (a build killed with SIGKILL) is taken over, so nothing is ever left to clean by hand.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { layout } from "./layout.ts";

export const buildLockPath = (root: string): string => layout(root).buildLock;

export class BuildRunning extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(
      `another build of this project is running (process ${pid}); wait for it to finish, or stop it, then build again`,
    );
    this.name = "BuildRunning";
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid in a lock file, or undefined when it holds none (a lock being written, or garbage). */
function holder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the project's build lock for this process, or throws BuildRunning when a live process
 * holds it. Returns the release; the lock is also released when the process exits.
 */
export function acquireBuildLock(root: string): () => void {
  const path = buildLockPath(root);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 2) throw error;
      let pid = holder(path);
      if (pid === undefined) {
        // Perhaps created an instant ago and not yet written: look again before taking it over.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        pid = holder(path);
      }
      if (pid === process.pid) break;
      if (pid !== undefined && alive(pid)) throw new BuildRunning(pid);
      // Left by a build that was killed (or is garbage): take it over.
      rmSync(path, { force: true });
    }
  }
  const release = () => {
    if (holder(path) === process.pid) rmSync(path, { force: true });
    process.off("exit", release);
  };
  process.on("exit", release);
  return release;
}
