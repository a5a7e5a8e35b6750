// Where a report's share card (og:image, drawn by src/build/og-cards.ts beside the pages) is
// served, its size, and the CJK font it is drawn in: a page names its card only when the build
// can draw one.
import { existsSync } from "node:fs";

export const OG_DIR = "og";
export const ogCardPath = (slug: string) => `/${OG_DIR}/${encodeURIComponent(slug)}.jpg`;
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** CJK fonts looked for, bold first (the title), as Debian's fonts-noto-cjk installs them. */
const FONT_FILES = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/noto/NotoSansCJK-Bold.ttc",
];

/** The font file the cards are drawn in, or undefined when the machine has none. */
export const ogFontFile = (): string | undefined => FONT_FILES.find((f) => existsSync(f));
