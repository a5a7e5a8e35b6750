// Applies the saved theme before first paint (a tiny blocking file: no inline script, CSP-friendly),
// and marks the page as scripted so CSS can lay out what scripts will enhance (the TOC drawer).
document.documentElement.classList.add("js");
try {
  const saved = localStorage.getItem("theme");
  if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
} catch {
  // Storage blocked: the system theme applies.
}
