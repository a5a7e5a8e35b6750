// Sharing a place in a report: the "#" of a heading, the link button a paragraph or figure shows
// on hover, focus or long-press, and the 复制引用链接 button a text selection shows all copy an
// absolute link and open one share menu (system share sheet where there is one, QR code for
// WeChat). Everything is delegated from the document; without JavaScript the "#" is a plain link.
import { linkTo, quoteLink } from "./share-url.ts";

const menu = document.querySelector<HTMLElement>("[data-share-menu]");
const body = document.querySelector<HTMLElement>(".report-body");

if (menu && body) {
  const status = menu.querySelector<HTMLElement>("[data-share-status]");
  const nativeButton = menu.querySelector<HTMLButtonElement>("[data-share-native]");
  const qrButton = menu.querySelector<HTMLButtonElement>("[data-share-qr]");
  const qrFigure = menu.querySelector<HTMLElement>("[data-share-qr-figure]");
  const urlText = menu.querySelector<HTMLElement>("[data-share-url]");
  const pageUrl = document.querySelector<HTMLLinkElement>("link[rel=canonical]")?.href ?? location.href;
  const LONG_PRESS_MS = 500;
  const HIDE_MS = 800;
  const RETARGET_MS = 400;
  let link = "";
  let opener: HTMLElement | undefined;

  const floating = (label: string) => {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "share-float";
    b.hidden = true;
    b.textContent = label;
    document.body.append(b);
    return b;
  };
  const blockButton = floating("链接");
  const quoteButton = floating("复制引用链接");
  quoteButton.classList.add("share-quote");
  let blockTarget: HTMLElement | undefined;
  let quote = "";

  /**
   * Puts a floating element at viewport coordinates, wherever its containing block is; kept left
   * of the vertical scrollbar (innerWidth includes it, so a menu flush with innerWidth hid its
   * right edge, the QR code's, under the scrollbar).
   */
  const place = (el: HTMLElement, x: number, y: number) => {
    const right = document.documentElement.clientWidth - el.offsetWidth - 4;
    el.style.left = `${Math.max(4, Math.min(x, right)) + scrollX}px`;
    el.style.top = `${y + scrollY}px`;
  };

  // Where the open menu hangs: under its opener, kept inside the viewport whenever the menu
  // changes size (the QR code makes it wider and taller after it opened).
  let menuAt = { x: 0, pageY: 0 };
  const placeMenu = () => {
    if (!menu.hidden) place(menu, menuAt.x, menuAt.pageY - scrollY);
  };
  new ResizeObserver(placeMenu).observe(menu);

  const copy = async (text: string): Promise<boolean> => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Insecure origins (a LAN preview) have no clipboard API; a selected field still copies.
      const field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "sr-only";
      document.body.append(field);
      field.select();
      const ok = document.execCommand("copy");
      field.remove();
      return ok;
    }
  };

  const closeMenu = () => {
    if (menu.hidden) return;
    menu.hidden = true;
    qrFigure?.setAttribute("hidden", "");
    qrButton?.setAttribute("aria-expanded", "false");
  };

  /**
   * Copies `url`, confirms it, and opens the share menu under `from`; a keyboard user is taken
   * into the menu (Escape brings them back).
   */
  const share = async (url: string, from: HTMLElement, byKeyboard: boolean, done = "已复制链接") => {
    link = url;
    opener = from;
    if (urlText) urlText.textContent = url;
    qrFigure?.setAttribute("hidden", "");
    qrButton?.setAttribute("aria-expanded", "false");
    if (nativeButton) nativeButton.hidden = !("share" in navigator);
    menu.hidden = false;
    const rect = from.getBoundingClientRect();
    menuAt = { x: rect.left, pageY: rect.bottom + 6 + scrollY };
    placeMenu();
    if (byKeyboard) menu.querySelector<HTMLButtonElement>("button:not([hidden])")?.focus();
    // Emptied first, so the same confirmation is announced again.
    if (status) status.textContent = "";
    const copied = await copy(url);
    if (status) status.textContent = copied ? done : "无法自动复制，请复制下方链接";
    if (!copied && urlText) qrFigure?.removeAttribute("hidden");
  };

  document.addEventListener("click", (e) => {
    const el = e.target instanceof Element ? e.target : null;
    const anchor = el?.closest<HTMLAnchorElement>("a.h-anchor");
    if (anchor) {
      // The link still does what it does without JavaScript (scroll, address bar); the menu opens
      // once the heading has moved, and the copy happens within the click's user activation.
      const byKeyboard = e.detail === 0;
      requestAnimationFrame(() => void share(linkTo(pageUrl, anchor.hash.slice(1)), anchor, byKeyboard));
      return;
    }
    if (el && (menu.contains(el) || el.closest(".share-float"))) return;
    closeMenu();
  });

  blockButton.addEventListener("click", (e) => {
    if (blockTarget) void share(linkTo(pageUrl, blockTarget.id), blockButton, e.detail === 0);
  });
  // Pressing the button must not clear the selection it quotes.
  quoteButton.addEventListener("pointerdown", (e) => e.preventDefault());
  quoteButton.addEventListener("click", (e) => {
    const block = quote && blockTarget;
    if (block) void share(quoteLink(pageUrl, block.id, quote), quoteButton, e.detail === 0, "已复制引用链接");
  });

  nativeButton?.addEventListener("click", () => {
    navigator.share({ title: document.title, url: link }).catch(() => {
      // Dismissed by the reader: nothing to do.
    });
  });
  qrButton?.addEventListener("click", async () => {
    if (!qrFigure) return;
    const open = qrFigure.hasAttribute("hidden");
    qrFigure.toggleAttribute("hidden", !open);
    qrButton.setAttribute("aria-expanded", String(open));
    if (open) {
      const { drawQr } = await import("./share-qr.ts");
      drawQr(qrFigure, link);
    }
  });
  menu.addEventListener("focusout", (e) => {
    if (!(e.relatedTarget instanceof Node && menu.contains(e.relatedTarget))) closeMenu();
  });
  document.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || menu.hidden) return;
    closeMenu();
    opener?.focus();
  });

  /** Shows the link button for a paragraph, or for a figure in it, beside it in the margin. */
  const offerLink = (target: HTMLElement) => {
    const block = target.closest<HTMLElement>(".blk");
    if (!block) return;
    blockTarget = target;
    const isFigure = target !== block;
    blockButton.textContent = isFigure ? "数据链接" : "段落链接";
    blockButton.setAttribute("aria-label", isFigure ? "复制数据链接" : "复制段落链接");
    blockButton.hidden = false;
    // In the right margin beside the line, or above the paragraph's corner where there is none.
    const b = block.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    const margin = b.right + 8 + blockButton.offsetWidth <= document.documentElement.clientWidth - 4;
    place(
      blockButton,
      margin ? b.right + 8 : b.right - blockButton.offsetWidth,
      margin ? t.top : t.top - blockButton.offsetHeight,
    );
  };

  // Hovering a figure offers the figure's link, the rest of a paragraph the paragraph's. Within a
  // paragraph the switch waits a moment: the way to the button crosses text and other figures.
  let retarget = 0;
  body.addEventListener("pointerover", (e) => {
    if (e.pointerType !== "mouse" || !(e.target instanceof Element)) return;
    const block = e.target.closest<HTMLElement>(".blk");
    const target = e.target.closest<HTMLElement>(".stat[id]") ?? block;
    if (!block || !target || target === blockTarget) return;
    clearTimeout(retarget);
    if (blockTarget && block.contains(blockTarget)) {
      retarget = window.setTimeout(() => offerLink(target), RETARGET_MS);
    } else offerLink(target);
  });
  // The mouse's button goes away a moment after the pointer has left the text and the button.
  let hideTimer = 0;
  const hideSoon = (e: PointerEvent) => {
    if (e.pointerType !== "mouse") return;
    hideTimer = window.setTimeout(() => {
      blockButton.hidden = true;
      blockTarget = undefined;
    }, HIDE_MS);
  };
  for (const el of [body, blockButton]) {
    el.addEventListener("pointerleave", hideSoon);
    el.addEventListener("pointerenter", () => {
      clearTimeout(hideTimer);
      if (el === blockButton) clearTimeout(retarget);
    });
  }
  body.addEventListener("focusin", (e) => {
    if (e.target instanceof HTMLElement && e.target.closest(".blk")) {
      offerLink(e.target.closest<HTMLElement>(".stat[id]") ?? (e.target.closest(".blk") as HTMLElement));
    }
  });
  // A long press: held still (fingers jitter a little) until the timer fires.
  let pressTimer = 0;
  let pressAt = { x: 0, y: 0 };
  body.addEventListener("pointerdown", (e) => {
    if (e.pointerType === "mouse" || !(e.target instanceof Element)) return;
    const target = e.target.closest<HTMLElement>(".stat[id]") ?? e.target.closest<HTMLElement>(".blk");
    pressAt = { x: e.clientX, y: e.clientY };
    if (target) pressTimer = window.setTimeout(() => offerLink(target), LONG_PRESS_MS);
  });
  body.addEventListener("pointermove", (e) => {
    if (Math.hypot(e.clientX - pressAt.x, e.clientY - pressAt.y) > 10) clearTimeout(pressTimer);
  });
  for (const type of ["pointerup", "pointercancel"] as const) {
    body.addEventListener(type, () => clearTimeout(pressTimer));
  }

  /** The selected text of the report, without the hidden labels screen readers get. */
  const selectedQuote = (range: Range): string => {
    const copy = document.createElement("div");
    copy.append(range.cloneContents());
    for (const hidden of copy.querySelectorAll(".sr-only, .share-float")) hidden.remove();
    return copy.textContent ?? "";
  };

  let selectionTimer = 0;
  document.addEventListener("selectionchange", () => {
    clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(() => {
      const selection = getSelection();
      const range = selection && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
      const start = range?.startContainer;
      const block =
        start && (start instanceof Element ? start : start.parentElement)?.closest<HTMLElement>(".blk");
      quote = range && block && body.contains(block) ? selectedQuote(range).trim() : "";
      quoteButton.hidden = !quote;
      if (!range || !block || !quote) return;
      blockTarget = block;
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      // Below the selection: phones show their own selection menu above it.
      place(quoteButton, last.right - quoteButton.offsetWidth / 2, last.bottom + 8);
    }, 200);
  });
}
