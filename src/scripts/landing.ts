// Arriving at a report by a link to #section, #paragraph or #figure: the browser has scrolled the
// target below the sticky header (scroll-padding-top) and the TOC marks its section (toc.ts);
// this flashes the target and opens a figure's popover (the "stat:open" event it listens for).
// A link to a paragraph or figure since edited lands on its section (an alias from the id
// registry) with a note; a link to a place the report no longer has opens the report's start
// with a note.
import { fragmentId } from "./share-url.ts";

const report = document.querySelector<HTMLElement>("article.report");
const FLASH_MS = 2400;
/** How long after load a browser may take to find a text fragment's words. */
const QUOTE_SEARCH_MS = 800;
let flashed: HTMLElement | undefined;
let note: HTMLElement | undefined;

/** What to flash: a section's heading for its (alias) anchor, else the element itself. */
function visibleTarget(el: HTMLElement): HTMLElement {
  if (el.classList.contains("alias-anchor")) {
    return el.parentElement?.querySelector<HTMLElement>(".sec-h") ?? el.parentElement ?? el;
  }
  return el;
}

/** Paragraph (p-…) and figure (s-…) ids a section keeps as aliases are ones since edited. */
const EDITED = [
  [/^p-/u, "链接指向的段落已修改，已为您打开它所在的章节"],
  [/^s-/u, "链接指向的数据已修改，已为您打开它所在的章节"],
] as const;

function showNote(text: string, before: Element): void {
  note?.remove();
  note = document.createElement("p");
  note.className = "landing-note";
  note.setAttribute("role", "status");
  note.textContent = text;
  before.before(note);
}

function showMissingNote(): void {
  const start = report?.firstElementChild;
  if (!start || note) return;
  showNote("链接指向的位置已不存在，已为您打开报告开头", start);
  scrollTo(0, 0);
}

/** Whether this page was opened by a link with a text directive (browsers hide it from location). */
function openedWithQuote(): boolean {
  const [entry] = performance.getEntriesByType("navigation");
  return (entry?.name ?? location.href).includes(":~:");
}

function land(event?: HashChangeEvent): void {
  const raw = location.hash;
  const id = fragmentId(raw);
  if (!id) return;
  const found = document.getElementById(id);
  if (found && !report?.contains(found)) return;
  if (!found) {
    if (event || !openedWithQuote()) showMissingNote();
    else {
      // A quote link (#p-…:~:text=…) whose paragraph was edited since: the browser may still
      // find the quoted words after the page has loaded and scroll to them, which beats the
      // report's start. No scroll by then: the note.
      let scrolled = false;
      addEventListener("scroll", () => (scrolled = true), { once: true, passive: true });
      const decide = () => setTimeout(() => scrolled || showMissingNote(), QUOTE_SEARCH_MS);
      if (document.readyState === "complete") decide();
      else addEventListener("load", decide, { once: true });
    }
    return;
  }
  note?.remove();
  note = undefined;
  const edited = found.classList.contains("alias-anchor") && EDITED.find(([pattern]) => pattern.test(id));
  if (edited) showNote(edited[1], found);
  // Browsers without text fragments keep ":~:text=…" in the hash and scroll nowhere.
  if (raw.includes(":~:") && !("fragmentDirective" in document)) found.scrollIntoView();
  const target = visibleTarget(found);
  flashed?.classList.remove("is-landed");
  target.classList.add("is-landed");
  flashed = target;
  setTimeout(() => target.classList.remove("is-landed"), FLASH_MS);
  if (found.classList.contains("stat")) {
    document.dispatchEvent(new CustomEvent("stat:open", { detail: { id } }));
  }
}

if (report) {
  window.addEventListener("hashchange", land);
  land();
}
