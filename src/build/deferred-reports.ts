// astro dev's first start on reports it has never parsed (a fresh clone of a 1,000-report site):
// generate() leaves them out (GenerateOptions.defer) so the server starts at once, a worker
// thread parses them into the parse cache, and a report a reader asks for meanwhile is parsed
// first, on its own, by the next generation. Once the background parse is done, generations are
// whole again.
import { relative } from "node:path";
import { slugFromPath } from "../ingest/ids.ts";
import { parseInBackground } from "./background-parse.ts";
import { type GenerateOptions, parseJob } from "./generate.ts";
import { MIN_FOR_WORKER } from "./two-cores.ts";

export class DeferredReports {
  readonly #root: string;
  /** Sources the last generation left out, by the slug of their page. */
  #pending = new Map<string, string>();
  readonly #asked = new Set<string>();
  #background: "not started" | "running" | "done" = "not started";

  constructor(root: string) {
    this.#root = root;
  }

  /**
   * generate()'s `defer` for the next generation: on the first, the unparsed reports (but those
   * asked for) when there are enough to be worth it; while the background parse runs, every
   * pending one not asked for, parsed by then or not (a page asked for waits for its own report,
   * not for the emit of all the others); after it, none.
   */
  options(): GenerateOptions["defer"] {
    const asked = this.#asked;
    const notAsked = (files: Iterable<string>) => [...files].filter((file) => !asked.has(file));
    switch (this.#background) {
      case "not started":
        return (unparsed) => {
          const files = unparsed();
          return files.length >= MIN_FOR_WORKER ? notAsked(files) : [];
        };
      case "running":
        return () => notAsked(this.#pending.values());
      case "done":
        return undefined;
    }
  }

  /** Takes note of the sources a generation left out. */
  update(deferred: string[]): void {
    this.#pending = new Map(deferred.map((file) => [slugFromPath(relative(this.#root, file)), file]));
  }

  get count(): number {
    return this.#pending.size;
  }

  /** Marks the report of a page's slug to be parsed by the next generation; false if it is not pending. */
  ask(slug: string): boolean {
    const file = this.#pending.get(slug);
    if (!file || this.#asked.has(file)) return false;
    this.#asked.add(file);
    return true;
  }

  /** Parses the pending reports in the background once; resolves when they are all in the parse cache. */
  async parseInBackground(): Promise<void> {
    if (this.#background !== "not started" || this.#pending.size === 0) return;
    this.#background = "running";
    try {
      await parseInBackground([...this.#pending.values()], parseJob(this.#root));
    } finally {
      this.#background = "done";
    }
  }
}
