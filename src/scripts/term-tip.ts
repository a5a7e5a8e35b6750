// Glossary tooltips are pure CSS (shown while a term is hovered or focused). Script only refines
// them: a tooltip that would run past the right edge of the window opens leftwards, and Escape
// dismisses the one shown by focus, as WCAG 1.4.13 asks of content on hover or focus.
const TIP_WIDTH_REM = 22;

function alignTip(e: Event): void {
  const term = e.target instanceof Element ? e.target.closest<HTMLElement>("dfn.term") : null;
  if (!term) return;
  const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  const room = document.documentElement.clientWidth - term.getBoundingClientRect().left;
  term.classList.toggle("term-end", room < TIP_WIDTH_REM * rem + 16);
}

document.addEventListener("pointerover", alignTip);
document.addEventListener("focusin", alignTip);
document.addEventListener("keydown", (e) => {
  const el = document.activeElement;
  if (e.key === "Escape" && el instanceof HTMLElement && el.matches("dfn.term")) el.blur();
});
