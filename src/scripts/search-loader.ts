// Loaded on every page, so it stays tiny: the shortcuts (Ctrl/⌘+K, "/") and the header button
// open the search dialog, whose code is fetched on first use; a landing from a search result
// (?hl=…) fetches the highlighter.
const onSearchPage = () => document.querySelector<HTMLInputElement>("[data-search-input]");

function open(): void {
  const input = onSearchPage();
  if (input) {
    input.focus();
    input.select();
    return;
  }
  void import("./search-dialog.ts").then((m) => m.openSearch());
}

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

addEventListener("keydown", (event) => {
  const k = event.key.toLowerCase();
  if (
    (k === "k" && (event.metaKey || event.ctrlKey)) ||
    (k === "/" && !typing(event.target) && !event.metaKey && !event.ctrlKey)
  ) {
    event.preventDefault();
    open();
  }
});

for (const trigger of document.querySelectorAll<HTMLAnchorElement>("[data-search-open]")) {
  trigger.addEventListener("click", (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    open();
  });
}

if (new URLSearchParams(location.search).has("hl")) void import("./search-highlight.ts");
