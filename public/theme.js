// Applies the saved theme before first paint (a tiny blocking file: no inline script, CSP-friendly).
try {
  const saved = localStorage.getItem("theme");
  if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
} catch {
  // Storage blocked: the system theme applies.
}
