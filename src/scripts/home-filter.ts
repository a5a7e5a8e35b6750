// The home page's region / year / kind filter: hides the reports (cards and the list of earlier
// ones) that do not match, says how many do, and keeps the choice in the URL (?region=…&year=…)
// so a filtered home page can be shared. Without JavaScript the form stays hidden and every
// report is listed.
const FACETS = ["region", "year", "kind"] as const;
type Facet = (typeof FACETS)[number];

const form = document.querySelector<HTMLFormElement>("[data-home-filter]");
const summary = document.querySelector<HTMLElement>("[data-home-status]");

function apply(form: HTMLFormElement, status: HTMLElement): void {
  const chosen = FACETS.flatMap((f) => {
    const value = (form.elements.namedItem(f) as HTMLSelectElement | null)?.value ?? "";
    return value ? [[f, value] as [Facet, string]] : [];
  });
  const items = document.querySelectorAll<HTMLElement>("li[data-region]");
  let shown = 0;
  for (const item of items) {
    const match = chosen.every(([f, value]) => item.dataset[f] === value);
    item.hidden = !match;
    if (match) shown++;
  }
  // A year of earlier reports with none left, and the earlier-reports section itself, go too.
  for (const group of document.querySelectorAll<HTMLElement>(".year-group, .all-reports")) {
    group.hidden = group.querySelector("li[data-region]:not([hidden])") === null;
  }
  status.textContent = chosen.length
    ? shown
      ? `筛选出 ${shown} 篇报告（共 ${items.length} 篇）。`
      : "没有符合所选条件的报告。"
    : "";
  const params = new URLSearchParams(chosen);
  history.replaceState(null, "", `${location.pathname}${chosen.length ? `?${params}` : ""}${location.hash}`);
}

if (form && summary) {
  const params = new URLSearchParams(location.search);
  for (const f of FACETS) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    const value = params.get(f);
    // Only a value the list offers: a stale link shows every report rather than none.
    if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  form.addEventListener("change", () => apply(form, summary));
  form.addEventListener("reset", () => setTimeout(() => apply(form, summary), 0));
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  if (location.search) apply(form, summary);
}
