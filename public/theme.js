// Applies the saved theme before first paint (a tiny blocking file: no inline script, CSP-friendly).
try {
  var t = localStorage.getItem("theme");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch {
  // Storage blocked: the system theme applies.
}
