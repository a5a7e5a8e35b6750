// Runs a command and measures what a user waits for and what the machine needs: wall time and the
// peak summed RSS of the whole process tree (pagefind indexes in its own service process, which
// /usr/bin/time would miss), polled from /proc.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";

export interface RunResult {
  wallMs: number;
  /** CPU time of the whole tree (user + system): steadier than wall time on a shared machine. */
  cpuMs: number;
  peakRssBytes: number;
  /** When the peak was reached (seconds from the start) and each process's share of it, largest first. */
  peak: { atSeconds: number; processes: { command: string; rssBytes: number }[] };
  output: string;
  code: number | null;
}

const PAGE_SIZE = 4096;
const CLOCK_TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  cpuTicks: number;
}

function processes(): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      // The command name may hold spaces and parentheses; fields after the last ")" are fixed:
      // state ppid … utime (14th field of the line) stime (15th).
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      all.set(Number(entry), { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return all;
}

/** A process's command line, short: the script it runs ("astro.mjs build", "write-index-cli.ts"). */
function commandOf(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const script = args.find((a, i) => i > 0 && !a.startsWith("-")) ?? args[0] ?? "?";
    return script.slice(script.lastIndexOf("/") + 1);
  } catch {
    return "?";
  }
}

function rssOf(pid: number): number {
  try {
    const pages = Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]);
    return pages * PAGE_SIZE;
  } catch {
    return 0;
  }
}

/** `root` and every descendant, with their CPU ticks so far. */
function tree(root: number): Map<number, number> {
  const all = processes();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const found = new Map<number, number>();
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    found.set(pid, all.get(pid)?.cpuTicks ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; echo?: boolean },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    let peak = 0;
    let peakAt = 0;
    let peakProcesses: { command: string; rssBytes: number }[] = [];
    // Last CPU reading per process; a process's final 100 ms may be missed, nothing more.
    const cpuTicks = new Map<number, number>();
    const poll = setInterval(() => {
      if (!child.pid) return;
      let rss = 0;
      const byPid: [number, number][] = [];
      for (const [pid, ticks] of tree(child.pid)) {
        const own = rssOf(pid);
        rss += own;
        byPid.push([pid, own]);
        cpuTicks.set(pid, Math.max(ticks, cpuTicks.get(pid) ?? 0));
      }
      if (rss > peak) {
        peak = rss;
        peakAt = performance.now() - started;
        // Named now: a process may be gone by the end.
        peakProcesses = byPid
          .filter(([, bytes]) => bytes > 20e6)
          .sort((a, b) => b[1] - a[1])
          .map(([pid, rssBytes]) => ({ command: commandOf(pid), rssBytes }));
      }
    }, 100);
    child.on("error", (e) => {
      clearInterval(poll);
      reject(e);
    });
    child.on("close", (code) => {
      clearInterval(poll);
      const ticks = [...cpuTicks.values()].reduce((a, b) => a + b, 0);
      resolve({
        wallMs: performance.now() - started,
        cpuMs: (ticks / CLOCK_TICKS_PER_SECOND) * 1000,
        peakRssBytes: peak,
        peak: { atSeconds: peakAt / 1000, processes: peakProcesses },
        // Colour codes would sit between the words the benchmark reads from the log.
        output: stripVTControlCharacters(output),
        code,
      });
    });
  });
}

/** Total bytes of the files under `dir`. */
export function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}
