// A short excerpt around the first match of a hit, as plain pieces to render with textContent
// (marked pieces in <mark>): never HTML, since report text is data.
import type { Range } from "./match.ts";

export interface Piece {
  text: string;
  mark: boolean;
}

/** About `length` characters of `text` around the first range, with every range inside marked. */
export function excerpt(text: string, ranges: Range[], length = 90): Piece[] {
  const first = ranges[0];
  const start = first ? Math.max(0, Math.min(first.start - Math.floor(length / 3), text.length - length)) : 0;
  const end = Math.min(text.length, start + length);
  const pieces: Piece[] = [];
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const s = Math.max(r.start, start);
    const e = Math.min(r.end, end);
    if (s > at) pieces.push({ text: text.slice(at, s), mark: false });
    pieces.push({ text: text.slice(s, e), mark: true });
    at = e;
  }
  if (at < end) pieces.push({ text: text.slice(at, end), mark: false });
  if (start > 0) pieces.unshift({ text: "…", mark: false });
  if (end < text.length) pieces.push({ text: "…", mark: false });
  return pieces;
}
