// The theme follows the system until the reader picks one; the pick persists (see public/theme.js).
const root = document.documentElement;

function current(): "light" | "dark" {
  const chosen = root.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

for (const button of document.querySelectorAll<HTMLButtonElement>("[data-theme-toggle]")) {
  const sync = () => button.setAttribute("aria-pressed", String(current() === "dark"));
  sync();
  button.addEventListener("click", () => {
    const next = current() === "dark" ? "light" : "dark";
    root.dataset.theme = next;
    try {
      localStorage.setItem("theme", next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    sync();
  });
}
