// The table of contents follows the reader: the link of the section in view gets
// aria-current="location" (highlighted, and scrolled into view inside the sticky TOC). On narrow
// screens the TOC is a drawer opened by a floating button that names the current section.
const toc = document.querySelector<HTMLElement>("#toc");
const button = document.querySelector<HTMLButtonElement>("[data-toc-button]");
const currentLabel = button?.querySelector<HTMLElement>("[data-toc-current]");

if (toc) {
  const links = new Map<string, HTMLAnchorElement>();
  for (const a of toc.querySelectorAll<HTMLAnchorElement>("a[href^='#']"))
    links.set(decodeURIComponent(a.hash.slice(1)), a);
  const headings = [...links.keys()].flatMap((id) => {
    const el = document.getElementById(id);
    return el ? [el] : [];
  });
  let active: HTMLAnchorElement | undefined;
  let queued = false;

  /** The last heading whose top is above the reading line (a third down the viewport). */
  const headingInView = (): HTMLElement | undefined => {
    const line = window.innerHeight / 3;
    let lo = 0;
    let hi = headings.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((headings[mid] as HTMLElement).getBoundingClientRect().top <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return headings[Math.max(found, 0)];
  };

  const update = () => {
    const heading = headingInView();
    const link = heading && links.get(heading.id);
    if (!link || link === active) return;
    active?.removeAttribute("aria-current");
    link.setAttribute("aria-current", "location");
    active = link;
    if (currentLabel) currentLabel.textContent = link.textContent;
    // Keep the highlighted entry visible inside the scrolling TOC without moving the page.
    const top = link.offsetTop - toc.offsetTop;
    if (top < toc.scrollTop || top > toc.scrollTop + toc.clientHeight - link.offsetHeight) {
      toc.scrollTop = top - toc.clientHeight / 3;
    }
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      update();
    });
  };
  window.addEventListener("scroll", schedule, { passive: true });
  window.addEventListener("resize", schedule);
  update();

  if (button) {
    const setOpen = (open: boolean) => {
      toc.classList.toggle("open", open);
      button.setAttribute("aria-expanded", String(open));
      if (open) (active ?? toc.querySelector("a"))?.focus();
    };
    const close = toc.querySelector<HTMLButtonElement>("[data-toc-close]");
    button.hidden = false;
    button.addEventListener("click", () => setOpen(!toc.classList.contains("open")));
    if (close) {
      close.hidden = false;
      close.addEventListener("click", () => {
        setOpen(false);
        button.focus();
      });
    }
    // Keyboard focus leaving the open drawer closes it: the drawer never hides what has focus.
    toc.addEventListener("focusout", (e) => {
      const to = e.relatedTarget;
      if (toc.classList.contains("open") && to instanceof Node && !toc.contains(to) && to !== button)
        setOpen(false);
    });
    toc.addEventListener("click", (e) => {
      if (e.target instanceof Element && e.target.closest("a")) setOpen(false);
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && toc.classList.contains("open")) {
        setOpen(false);
        button.focus();
      }
    });
    document.addEventListener("click", (e) => {
      if (
        toc.classList.contains("open") &&
        e.target instanceof Node &&
        !toc.contains(e.target) &&
        !button.contains(e.target)
      ) {
        setOpen(false);
      }
    });
  }
}
