// The addresses the share menu hands out, as pure functions (no DOM): links to an anchor, and
// quote links with a text fragment (#p-xxx:~:text=…) that fall back to the paragraph's anchor.

/** Longer quotes are named by their first and last words (text=start,end), as the spec advises. */
const WHOLE_QUOTE_MAX = 60;
const QUOTE_EDGE = 16;

/** `pageUrl` (canonical, absolute) with `#id`; any fragment it had is replaced. */
export function linkTo(pageUrl: string, id: string): string {
  const url = new URL(pageUrl);
  url.hash = id;
  return url.href;
}

/** Percent-encodes a text-directive term: "-", "," and "&" are syntax there. */
const term = (text: string) => encodeURIComponent(text).replace(/-/g, "%2D");

/** The `text=` directive that finds `quote` in the page, or undefined for an empty quote. */
export function textDirective(quote: string): string | undefined {
  const text = quote.replace(/\s+/gu, " ").trim();
  if (!text) return undefined;
  if (text.length <= WHOLE_QUOTE_MAX) return `text=${term(text)}`;
  const start = text.slice(0, QUOTE_EDGE).trim();
  const end = text.slice(-QUOTE_EDGE).trim();
  return `text=${term(start)},${term(end)}`;
}

/** A link to a quoted passage: the paragraph's anchor first, for browsers without text fragments. */
export function quoteLink(pageUrl: string, blockId: string, quote: string): string {
  const directive = textDirective(quote);
  const link = linkTo(pageUrl, blockId);
  return directive ? `${link}:~:${directive}` : link;
}

/** The element id a location hash names, without a text directive browsers may leave in it. */
export function fragmentId(hash: string): string {
  const raw = hash.replace(/^#/u, "").split(":~:")[0] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
