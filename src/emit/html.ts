// hast → HTML for report bodies. Writes exactly what hast-util-to-html writes with its defaults
// (a test compares them on every bundled report and on hostile text), about ten times faster: it
// serialises only elements and text, the two node types a body holds, where the general library
// walks every character of a 40 KB report through its entity encoder (~4.5 ms a report, a
// thousand of them in every cold build). Text escapes "<" and "&"; attribute values are
// double-quoted with '"', "&", "'", "`" and NUL escaped; names are checked, never escaped.
import type { ElementContent, Properties, Root } from "hast";
import { htmlVoidElements } from "html-void-elements";
import { find, html } from "property-information";

const VOID = new Set(htmlVoidElements);
const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/u;
const ATTRIBUTE_NAME = /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/u;

const hex = (c: string) => `&#x${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()};`;
const escapeText = (value: string) => (/[<&]/u.test(value) ? value.replace(/[<&]/gu, hex) : value);
const escapeAttribute = (value: string) =>
  /[\0"&'`]/u.test(value) ? value.replace(/[\0"&'`]/gu, hex) : value;

interface AttributeInfo {
  attribute: string;
  boolean: boolean;
  overloadedBoolean: boolean;
  commaSeparated: boolean;
}
const infos = new Map<string, AttributeInfo>();

function infoOf(key: string): AttributeInfo {
  let info = infos.get(key);
  if (!info) {
    const found = find(html, key);
    if (!ATTRIBUTE_NAME.test(found.attribute)) throw new Error(`unsafe attribute name: ${found.attribute}`);
    info = {
      attribute: found.attribute,
      boolean: found.boolean,
      overloadedBoolean: found.overloadedBoolean,
      commaSeparated: found.commaSeparated,
    };
    infos.set(key, info);
  }
  return info;
}

/** A list value as comma- or space-separated tokens (a trailing empty token keeps its comma). */
function tokens(values: unknown[], commaSeparated: boolean): string {
  if (!commaSeparated) return values.join(" ").trim();
  return (values.at(-1) === "" ? [...values, ""] : values).join(", ").trim();
}

function attribute(key: string, raw: Properties[string]): string {
  const info = infoOf(key);
  let value: unknown = raw;
  if (info.overloadedBoolean && (value === info.attribute || value === "")) value = true;
  else if (
    (info.boolean || info.overloadedBoolean) &&
    (typeof value !== "string" || value === info.attribute || value === "")
  )
    value = Boolean(value);
  if (value === null || value === undefined || value === false || Number.isNaN(value)) return "";
  if (value === true) return ` ${info.attribute}`;
  const text = Array.isArray(value) ? tokens(value, info.commaSeparated) : String(value);
  return ` ${info.attribute}="${escapeAttribute(text)}"`;
}

function node(content: ElementContent): string {
  if (content.type === "text") return escapeText(content.value);
  if (content.type !== "element") throw new Error(`a page body holds no ${content.type} nodes`);
  const { tagName, properties, children } = content;
  if (!NAME.test(tagName)) throw new Error(`unsafe element name: ${tagName}`);
  let open = `<${tagName}`;
  for (const key in properties) open += attribute(key, properties[key]);
  if (VOID.has(tagName)) return `${open}>`;
  let inner = "";
  for (const child of children) inner += node(child);
  return `${open}>${inner}</${tagName}>`;
}

export function toHtml(root: Root): string {
  let out = "";
  for (const child of root.children) out += node(child as ElementContent);
  return out;
}
