// The corpus files under some folders (report sources only), for the benchmarks.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(?:txt|md|html?)$/iu.test(name) && name !== "README.md") out.push(p);
  }
  return out;
}
