/**
 * Plot's SVG made lighter, the same at build time and in the browser: coordinates rounded to 0.1 px (Plot prints
 * 158.33333333333331), and the per-chart <style> and style attribute dropped. The page's CSS gives the font (the
 * svg inherits it: site.css `.chart-svg svg`), so each of a page's charts does not repeat a 300-byte font stack.
 */

/** Attributes holding coordinates; text content and other attributes are left exactly as Plot wrote them. */
const GEOMETRY = ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "d", "transform", "points", "dx", "dy"];
const GEOMETRY_SELECTOR = GEOMETRY.map((a) => `[${a}]`).join(",");
/** A decimal with three or more digits after the point ("0.32em" and "1.5" stay as written). */
const LONG_DECIMAL = /-?\d+\.\d{3,}(?:e-?\d+)?/g;

const round = (s: string) => String(Math.round(Number(s) * 10) / 10);

/** Rounds one attribute value's long decimals to one place. */
export function roundCoordinates(value: string): string {
  return value.replace(LONG_DECIMAL, round);
}

/** Compacts every Plot svg in chart (an svg, or a figure holding them) in place. */
export function compactSvg(chart: Element): void {
  const svgs = chart.tagName.toLowerCase() === "svg" ? [chart] : Array.from(chart.querySelectorAll("svg"));
  for (const svg of svgs) {
    for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
    // The style's font size becomes the attribute (style outranked it); font family and colour are inherited.
    const size = /font-size:\s*(\d+(?:\.\d+)?)px/.exec(svg.getAttribute("style") ?? "")?.[1];
    const overflow = /overflow:\s*visible/.test(svg.getAttribute("style") ?? "");
    svg.removeAttribute("style");
    svg.removeAttribute("font-family");
    if (size) svg.setAttribute("font-size", size);
    if (overflow) svg.setAttribute("overflow", "visible");
    for (const el of [svg, ...Array.from(svg.querySelectorAll(GEOMETRY_SELECTOR))]) {
      for (const name of GEOMETRY) {
        const value = el.getAttribute(name);
        if (value !== null && LONG_DECIMAL.test(value)) el.setAttribute(name, roundCoordinates(value));
        LONG_DECIMAL.lastIndex = 0;
      }
    }
  }
}
