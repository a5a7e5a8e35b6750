// Applies the saved theme before first paint (a tiny blocking file: no inline script, CSP-friendly),
// and marks the page as scripted so CSS can lay out what scripts will enhance (the TOC drawer).
document.documentElement.classList.add("js");
try {
  var t = localStorage.getItem("theme");
  if (t === "light" || t === "dark") document.documentElement.dataset.theme = t;
} catch (e) {}
