// What the content files look like on disk, in one string: names, sizes and modification times
// of the sources, ejected bodies and glossary. astro dev compares it once a second to what it last
// generated from, because file watchers drop events (a save right after another was seen to go
// unreported), and a save must never be lost.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export function sourcesState(dir: string, extraFiles: string[]): string {
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const entries = [...names.map((n) => join(dir, n)), ...extraFiles].map((path) => {
    try {
      const s = statSync(path);
      return `${path}:${s.size}:${s.mtimeMs}`;
    } catch {
      return `${path}:-`;
    }
  });
  return entries.join("\n");
}
