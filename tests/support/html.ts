// Reads built HTML with a real parser (Sätteri's html5 parser) for tests that inspect the output.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { htmlToHast } from "satteri";

export interface HtmlElement {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  value?: string;
  children?: HtmlElement[];
}

export const parseHtml = (html: string) => htmlToHast(html) as unknown as HtmlElement;

export function walk(node: HtmlElement, visit: (el: HtmlElement) => void): void {
  if (node.type === "element") visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Every .html file under a directory, as site paths ("/reports/x/index.html"). */
export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".html")) out.push(`/${relative(dir, path)}`);
    }
  };
  visit(dir);
  return out.sort();
}

export const readHtml = (dir: string, sitePath: string) =>
  parseHtml(readFileSync(join(dir, sitePath), "utf8"));
