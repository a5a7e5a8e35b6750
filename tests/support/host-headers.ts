// The response headers a static host sets from public/_headers (the Cloudflare Pages / Netlify
// format: a path pattern, then indented "Name: value" lines; "*" any characters, ":name" one path
// segment; every matching rule applies).
import { readFileSync } from "node:fs";

interface Rule {
  pattern: RegExp;
  headers: [string, string][];
}

function parse(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    if (!/^\s/u.test(line)) {
      const source = line
        .trim()
        .replace(/[.+?^${}()|[\]\\]/gu, "\\$&")
        .replace(/\*/gu, ".*")
        .replace(/:[A-Za-z]+/gu, "[^/]+");
      rules.push({ pattern: new RegExp(`^${source}$`, "u"), headers: [] });
      continue;
    }
    const at = line.indexOf(":");
    const rule = rules.at(-1);
    if (!rule || at < 0) throw new Error(`_headers: a header outside a rule: ${line}`);
    rule.headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
  }
  return rules;
}

export function hostHeaders(file: string): (pathname: string) => Record<string, string> {
  const rules = parse(readFileSync(file, "utf8"));
  return (pathname) => {
    const out: Record<string, string> = {};
    for (const rule of rules) {
      if (!rule.pattern.test(pathname)) continue;
      for (const [name, value] of rule.headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
    }
    return out;
  };
}
