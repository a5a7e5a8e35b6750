// Stage 1: bytes -> text. The encoding is detected from the bytes (BOMs, UTF-8 validity,
// GB18030/UTF-16 plausibility), never assumed from a label or the file name.
import { ReportInputError } from "./errors.ts";
import commonHanzi from "./lexicon/common-hanzi.json" with { type: "json" };

export interface Decoded {
  text: string;
  /** "utf-8", "utf-8-bom", "utf-16le", "utf-16be" or "gb18030". */
  encoding: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];
const GZIP = [0x1f, 0x8b];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Share of characters that are not plausible in a Chinese report (0 = all plausible). */
function implausibleShare(text: string): number {
  let bad = 0;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    total++;
    if (c === 0xfffd) {
      bad++;
      continue;
    }
    if (c < 0x20) {
      if (c !== 9 && c !== 10 && c !== 13 && c !== 12) bad++;
      continue;
    }
    if (c < 0x7f) continue;
    if (c >= 0x4e00 && c <= 0x9fff) continue; // CJK unified
    if (c >= 0x3000 && c <= 0x303f) continue; // CJK punctuation
    if (c >= 0xff00 && c <= 0xffef) continue; // full-width forms
    if (c >= 0x2000 && c <= 0x206f) continue; // general punctuation
    if (c >= 0x3400 && c <= 0x4dbf) continue; // extension A
    if (c >= 0x2100 && c <= 0x27bf) continue; // symbols, arrows, shapes, dingbats
    if (c >= 0xa0 && c <= 0x17f) continue; // latin-1, latin ext-A
    if (c >= 0x370 && c <= 0x45f) continue; // greek, cyrillic (GB2312 has them)
    if (c >= 0x3200 && c <= 0x33ff) continue; // enclosed CJK, compatibility
    if (c >= 0xfe30 && c <= 0xfe4f) continue; // CJK compatibility forms
    bad++;
  }
  return total === 0 ? 0 : bad / total;
}

function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, PNG) || startsWith(bytes, GZIP) || startsWith(bytes, ZIP) || startsWith(bytes, PDF)) {
    return true;
  }
  return false;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const PLAUSIBLE = 0.02;

const COMMON_HAN = new Set(commonHanzi.characters);

/**
 * How much a decoding reads like a Chinese report: the share of its Chinese characters that are
 * among the most frequent in reports (~0.9 for text decoded right, near 0 for bytes decoded with
 * a wrong encoding, which come out as rare characters); 0 without Chinese.
 */
function chineseLikeness(text: string): number {
  let han = 0;
  let common = 0;
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code >= 0x20000) {
      han++;
      if (COMMON_HAN.has(c)) common++;
    }
  }
  return han === 0 ? 0 : common / han;
}

/** Likeness above which valid UTF-8 is taken as it is (reports score ~0.9, wrong decodings ~0.05). */
const REPORT_LIKE = 0.5;
const NOT_PLAIN_ASCII = /[^\t\n\r -~]/u;

/**
 * The encoding among UTF-8, GB18030 and UTF-16 (either order) that decodes the bytes into the
 * most plausible, most report-like text: GB18030 bytes that happen to be valid UTF-8 (a mostly
 * ASCII file with a few Chinese words) and UTF-16 without a BOM both land here. `utf8` is the
 * bytes' UTF-8 decoding (null when invalid), already made by the caller.
 */
function bestDecoding(bytes: Uint8Array, utf8: string | null): Decoded | null {
  const labels = ["utf-8", "gb18030", ...(bytes.length % 2 === 0 ? ["utf-16le", "utf-16be"] : [])];
  let best: (Decoded & { likeness: number }) | null = null;
  for (const label of labels) {
    const text = label === "utf-8" ? utf8 : tryDecode(label, bytes);
    if (text === null || implausibleShare(text) >= PLAUSIBLE) continue;
    const likeness = chineseLikeness(text);
    if (!best || likeness > best.likeness) best = { text, encoding: label, likeness };
  }
  return best && { text: best.text, encoding: best.encoding };
}

export function decodeBytes(bytes: Uint8Array, file: string): Decoded {
  if (bytes.length === 0) throw new ReportInputError(file, "empty file");
  if (looksBinary(bytes)) throw new ReportInputError(file, "binary data, not a text report", { offset: 0 });

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(file, bytes, "utf-8", "utf-8-bom", 3);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(file, bytes, "utf-16le", "utf-16le", 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(file, bytes, "utf-16be", "utf-16be", 2);

  // Fast path: valid UTF-8 that reads like a report (or is plain ASCII) is UTF-8.
  const nulIndex = bytes.indexOf(0);
  const utf8 = tryDecode("utf-8", bytes);
  if (
    nulIndex < 0 &&
    utf8 !== null &&
    (!NOT_PLAIN_ASCII.test(utf8) || chineseLikeness(utf8) >= REPORT_LIKE)
  ) {
    checkControls(file, utf8);
    return { text: utf8, encoding: "utf-8" };
  }
  const best = bestDecoding(bytes, utf8);
  if (best) {
    checkControls(file, best.text);
    return best;
  }
  if (nulIndex >= 0) {
    throw new ReportInputError(file, `binary data (NUL byte at offset ${nulIndex})`, { offset: nulIndex });
  }
  const at = Math.max(firstInvalidUtf8(bytes), 0);
  const byte = (bytes[at] ?? 0).toString(16).padStart(2, "0");
  throw new ReportInputError(
    file,
    `cannot decode: invalid UTF-8 byte 0x${byte} at offset ${at}, and not plausible GB18030 or UTF-16`,
    { offset: at },
  );
}

function finish(file: string, bytes: Uint8Array, label: string, encoding: string, skip: number): Decoded {
  const body = bytes.subarray(skip);
  const text = tryDecode(label, body);
  if (text === null) {
    const at = label === "utf-8" ? Math.max(0, firstInvalidUtf8(body)) + skip : skip;
    throw new ReportInputError(file, `cannot decode as ${encoding}: invalid bytes at offset ${at}`, {
      offset: at,
    });
  }
  checkControls(file, text);
  return { text, encoding };
}

/** Text full of control characters is binary that happened to decode. */
function checkControls(file: string, text: string): void {
  const n = Math.min(text.length, 65536);
  let ctl = 0;
  let first = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11 && c !== 27) || c === 0) {
      ctl++;
      if (first < 0) first = i;
    }
  }
  if (n > 0 && ctl > Math.max(2, n * 0.01)) {
    throw new ReportInputError(file, `binary data (control characters from character ${first})`, {
      offset: first,
    });
  }
}
