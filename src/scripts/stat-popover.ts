// One shared popover for every figure in the text (a.stat). It is built at display time from the
// figure's data attributes, so the page carries no per-figure popover markup. It opens on hover,
// keyboard focus or tap, sits right after its figure in the DOM (Tab moves into its link) and
// closes on Escape, on leaving or on a tap elsewhere.
//
// Opening a figure's popover from other code:
//   document.dispatchEvent(new CustomEvent("stat:open", { detail: { id: "s-1" } }));
// or `openStat("s-1")` from this module. Landing on /reports/x/#<stat id> opens it too.

const HOVER_OPEN_MS = 120;
const HOVER_CLOSE_MS = 250;

let pop: HTMLElement | undefined;
let parts: { label: HTMLElement; value: HTMLElement; kind: HTMLElement; link: HTMLAnchorElement } | undefined;
let current: HTMLAnchorElement | undefined;
let pinned = false;
let timer: number | undefined;

function span(className: string): HTMLElement {
  const el = document.createElement("span");
  el.className = className;
  return el;
}

function build(): HTMLElement {
  if (pop) return pop;
  pop = span("stat-pop");
  pop.id = "stat-pop";
  pop.setAttribute("role", "group");
  pop.setAttribute("aria-label", "数据详情");
  const label = span("stat-pop-label");
  const value = span("stat-pop-value");
  const kind = span("stat-pop-kind");
  const link = document.createElement("a");
  link.className = "stat-pop-link";
  link.textContent = "链接到此数据";
  const row = span("stat-pop-row");
  row.append(value, kind);
  pop.append(label, row, link);
  pop.addEventListener("pointerenter", () => clearTimeout(timer));
  pop.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "mouse") scheduleClose();
  });
  parts = { label, value, kind, link };
  return pop;
}

function place(stat: HTMLElement, el: HTMLElement): void {
  const box = el.offsetParent ?? document.documentElement;
  const outer = box.getBoundingClientRect();
  const rect = stat.getClientRects()[0] ?? stat.getBoundingClientRect();
  const maxLeft = Math.max(0, outer.width - el.offsetWidth);
  el.style.left = `${Math.min(Math.max(0, rect.left - outer.left), maxLeft)}px`;
  // Below the figure, or above it when the viewport has no room below.
  const below = rect.bottom + 6 + el.offsetHeight <= window.innerHeight || rect.top < el.offsetHeight + 64;
  el.style.top = `${(below ? rect.bottom + 6 : rect.top - 6 - el.offsetHeight) - outer.top}px`;
}

function open(stat: HTMLAnchorElement, pin: boolean): void {
  clearTimeout(timer);
  const el = build();
  if (current !== stat) {
    close();
    const { label, value, kind, link } = parts as NonNullable<typeof parts>;
    label.textContent = stat.dataset.label ?? "";
    label.hidden = !stat.dataset.label;
    value.textContent = stat.dataset.value ?? stat.textContent ?? "";
    kind.textContent = stat.dataset.kind ?? "";
    link.href = `#${stat.id}`;
    stat.after(el);
    current = stat;
  }
  pinned ||= pin;
  el.hidden = false;
  stat.setAttribute("aria-expanded", "true");
  place(stat, el);
}

function close(): void {
  clearTimeout(timer);
  if (!current || !pop) return;
  current.removeAttribute("aria-expanded");
  pop.hidden = true;
  current = undefined;
  pinned = false;
}

function scheduleClose(): void {
  clearTimeout(timer);
  if (!pinned) timer = window.setTimeout(close, HOVER_CLOSE_MS);
}

const statOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLAnchorElement>("a.stat") : null;

/** Opens the popover of the figure with this id; false when the page has no such figure. */
export function openStat(id: string): boolean {
  const stat = document.getElementById(id);
  if (!(stat instanceof HTMLAnchorElement) || !stat.classList.contains("stat")) return false;
  open(stat, true);
  return true;
}

// The popover replaces the native tooltip, which would otherwise show on top of it.
for (const stat of document.querySelectorAll("a.stat[title]")) stat.removeAttribute("title");

document.addEventListener("pointerover", (e) => {
  const stat = statOf(e.target);
  if (!stat || e.pointerType !== "mouse" || stat === current) return;
  clearTimeout(timer);
  timer = window.setTimeout(() => open(stat, false), HOVER_OPEN_MS);
});
document.addEventListener("pointerout", (e) => {
  const stat = statOf(e.target);
  if (stat && e.pointerType === "mouse" && !stat.contains(e.relatedTarget as Node | null)) {
    if (stat === current) scheduleClose();
    else clearTimeout(timer);
  }
});
document.addEventListener("focusin", (e) => {
  const stat = statOf(e.target);
  if (stat) open(stat, false);
  else if (current && !pop?.contains(e.target as Node)) close();
});
document.addEventListener("click", (e) => {
  const stat = statOf(e.target);
  if (stat) {
    // A tap or click shows the figure's details instead of jumping to where it already is.
    e.preventDefault();
    if (stat === current && pinned && e.detail > 0) close();
    else open(stat, true);
  } else if (current && !pop?.contains(e.target as Node)) close();
});
document.addEventListener("keydown", (e) => {
  if (e.key !== "Escape" || !current) return;
  const stat = current;
  close();
  stat.focus({ preventScroll: true });
});
document.addEventListener("stat:open", (e) => {
  const id = (e as CustomEvent<{ id?: string }>).detail?.id;
  if (id) openStat(id);
});
window.addEventListener("resize", () => {
  if (current && pop) place(current, pop);
});
const fromHash = () => {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id) openStat(id);
};
window.addEventListener("hashchange", fromHash);
fromHash();
