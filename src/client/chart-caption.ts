/** What a chart's downloads say about it: its title and units note as shown, and where it came from. */
export interface ChartCaption {
  title: string;
  note: string;
  /** "来源：财政绩效看板…，数据版本 <id>" and the page's URL. */
  source: [string, string];
}

export function chartCaption(figure: HTMLElement): ChartCaption {
  const text = (selector: string) => figure.querySelector(selector)?.textContent?.trim() ?? "";
  const release = document.querySelector("footer a.release-id")?.textContent?.trim();
  return {
    title: text("figcaption h2"),
    note: text("figcaption .note"),
    source: [`来源：财政绩效看板（各部门公开的绩效自评报告）${release ? `，数据版本 ${release}` : ""}`, location.href],
  };
}

/** The file name of a download of the chart, from its CSV's: spending.csv → spending.<ext>. */
export function chartFileName(figure: HTMLElement, ext: string, prefix = ""): string {
  const csv = figure.querySelector("a.download-csv")?.getAttribute("download") ?? "chart.csv";
  return `${prefix}${csv.replace(/\.csv$/, "")}.${ext}`;
}
