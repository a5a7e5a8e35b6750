// The share menu's QR code, drawn as SVG by a local encoder (lean-qr's nano build, ~2 KB gzip),
// loaded only when a reader opens the QR code: WeChat scans it from another phone's screen.
import { generate } from "lean-qr/nano";

const SVG = "http://www.w3.org/2000/svg";
/** The quiet zone scanners need around the code, in modules. */
const QUIET = 2;

export function drawQr(figure: HTMLElement, text: string): void {
  const code = generate(text);
  let path = "";
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) if (code.get(x, y)) path += `M${x} ${y}h1v1h-1z`;
  }
  const side = code.size + 2 * QUIET;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `${-QUIET} ${-QUIET} ${side} ${side}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "本页链接的二维码");
  svg.setAttribute("shape-rendering", "crispEdges");
  const background = document.createElementNS(SVG, "rect");
  for (const [k, v] of [
    ["x", -QUIET],
    ["y", -QUIET],
    ["width", side],
    ["height", side],
    ["fill", "#fff"],
  ]) {
    background.setAttribute(String(k), String(v));
  }
  const modules = document.createElementNS(SVG, "path");
  modules.setAttribute("d", path);
  modules.setAttribute("fill", "#000");
  svg.append(background, modules);
  figure.querySelector("svg")?.remove();
  figure.prepend(svg);
}
