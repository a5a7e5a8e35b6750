// Everything a report page runs before search: figure popovers, the TOC, glossary tooltips.
import "./stat-popover.ts";
import "./toc.ts";
import "./term-tip.ts";
