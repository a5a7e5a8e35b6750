// Glossary tooltips are pure CSS (shown while a term is hovered or focused); Escape dismisses
// the one shown by focus, as WCAG 1.4.13 asks of content on hover or focus.
document.addEventListener("keydown", (e) => {
  const el = document.activeElement;
  if (e.key === "Escape" && el instanceof HTMLElement && el.matches("dfn.term")) el.blur();
});
