// A full garbage collection on demand, for the build's idle wait on the search index: after the
// pages and share cards, Astro's process held RSS it no longer used (1,479 MB at 5,000 reports,
// while pagefind, beside it, peaked at 1.3 GB). V8 grows its heap up to the 1.5 GB cap before
// collecting and only then gives pages back; a full collection hands them back at once.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") gc = exposed;
    else {
      // The flag takes effect for contexts made after it: a fresh one hands back its gc().
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    }
  }
  gc();
}
