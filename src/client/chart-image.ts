/**
 * A chart as SVG or PNG (下载 SVG / PNG): the figure's drawn SVG with its title, units, legend and source around it
 * (charts/export-image.ts); the PNG is that SVG drawn on a canvas at twice its size. Loaded only when asked for.
 */
import { chartImageSvg } from "../charts/export-image.ts";
import { chartCaption, chartFileName } from "./chart-caption.ts";
import { saveBlob } from "./save-file.ts";

/** The figure's parts as the page shows them now (after any redraw). */
function imageOf(figure: HTMLElement): { svg: string; width: number; height: number } {
  const chart = figure.querySelector<SVGSVGElement>(".chart-svg svg");
  if (!chart) throw new Error("no chart drawn");
  const legend = [...figure.querySelectorAll<HTMLElement>(".legend li")].map((li) => ({
    label: li.textContent?.trim() ?? "",
    color: li.querySelector<HTMLElement>(".swatch")?.style.getPropertyValue("--swatch").trim() || "#8C8C8C",
  }));
  return chartImageSvg({
    ...chartCaption(figure),
    chart: new XMLSerializer().serializeToString(chart),
    width: Number(chart.getAttribute("width")) || chart.getBoundingClientRect().width,
    height: Number(chart.getAttribute("height")) || chart.getBoundingClientRect().height,
    legend,
  });
}

/** Downloads the figure as `<csv name>.svg` or `.png`. */
export async function downloadChartImage(figure: HTMLElement, format: "svg" | "png"): Promise<void> {
  const { svg, width, height } = imageOf(figure);
  const svgBlob = new Blob([svg], { type: "image/svg+xml;charset=utf-8" });
  if (format === "svg") return saveBlob(svgBlob, chartFileName(figure, "svg"));
  const img = new Image();
  const url = URL.createObjectURL(svgBlob);
  try {
    img.src = url;
    await img.decode();
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no canvas");
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    const png = await new Promise<Blob | null>((done) => canvas.toBlob(done, "image/png"));
    if (!png) throw new Error("PNG not made");
    saveBlob(png, chartFileName(figure, "png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}
