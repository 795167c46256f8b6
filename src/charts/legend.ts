/** The legend as HTML (not Plot's SVG swatches), so the chart figure holds exactly one <svg> and text wraps on phones. */
import type { LegendItem } from "./chart.ts";

/** Legend items → <ul class="legend">. */
export function renderLegend(document: Document, items: readonly LegendItem[]): HTMLUListElement {
  const ul = document.createElement("ul");
  ul.className = "legend";
  ul.setAttribute("aria-label", "图例");
  for (const item of items) {
    const li = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${item.shape ?? "square"}`;
    swatch.setAttribute("aria-hidden", "true");
    swatch.setAttribute("style", `--swatch: ${item.color}`);
    li.append(swatch, document.createTextNode(item.label));
    ul.append(li);
  }
  return ul;
}
