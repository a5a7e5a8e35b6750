// The search dialog every page can open (Ctrl/⌘+K, "/", or the header button). Loaded on first
// open only; it builds its own DOM, searches as you type, and hands over to /search/ for the
// full, shareable result page.
import { writeState } from "./search/url-state.ts";
import { createView, onQueryInput, warmSearch } from "./search-ui.ts";

function build(): { dialog: HTMLDialogElement; input: HTMLInputElement; show: (q: string) => void } {
  const dialog = document.createElement("dialog");
  dialog.className = "search-dialog";
  dialog.setAttribute("aria-label", "搜索报告");
  const form = document.createElement("form");
  form.className = "search-form";
  form.setAttribute("role", "search");
  form.action = "/search/";
  const input = document.createElement("input");
  input.type = "search";
  input.name = "q";
  input.autocomplete = "off";
  input.placeholder = "搜索词语、数据或术语，如：营商环境、5.2%";
  input.setAttribute("aria-label", "搜索词");
  const close = document.createElement("button");
  close.type = "button";
  close.className = "button search-close";
  close.textContent = "关闭";
  close.addEventListener("click", () => dialog.close());
  form.append(input, close);
  const status = document.createElement("p");
  status.className = "search-status";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const all = document.createElement("a");
  all.className = "search-all";
  all.textContent = "在搜索页中打开（可筛选、可分享）";
  const results = document.createElement("div");
  results.className = "search-results";
  results.dataset.searchResults = "";
  dialog.append(form, status, all, results);
  document.body.append(dialog);

  let state = { q: "", filters: {}, sort: "relevance" as const };
  // Filters and sorting belong to the full search page, where they live in the URL.
  const view = createView({ status, results });
  const show = (q: string) => {
    state = { ...state, q };
    all.href = `/search/?${writeState(state)}`;
    all.hidden = !q;
    void view.show(state);
  };
  onQueryInput(input, show);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.assign(`/search/?${writeState({ ...state, q: input.value.trim() })}`);
  });
  // Escape closes at once, even from the search field (where it would first clear the text).
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    dialog.close();
  });
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  show("");
  // Opened to search: the index is opened now, while the reader types (the same files the first
  // query would load; the dialog counts nothing, so no filter chunks).
  warmSearch(false);
  return { dialog, input, show };
}

let built: ReturnType<typeof build> | undefined;

export function openSearch(): void {
  built ??= build();
  if (!built.dialog.open) built.dialog.showModal();
  built.input.focus();
  built.input.select();
}
