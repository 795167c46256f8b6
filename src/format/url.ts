/** Site-internal URLs under the configured base path (import.meta.env.BASE_URL). */

/** "/sub" or "/sub/" → "/sub/"; every page builds links from this. */
export function normalizeBase(base: string): string {
  return base.endsWith("/") ? base : `${base}/`;
}

/** A page or asset path under the base: ("/sub/", "spending/") → "/sub/spending/". */
export function withBase(base: string, path: string): string {
  return normalizeBase(base) + path.replace(/^\//, "");
}

/** The report page, at a source line when given: "/reports/430682-2024-kjgyxxhj/#L117". */
export function reportHref(base: string, reportId: string, line?: number | null): string {
  const page = withBase(base, `reports/${encodeURIComponent(reportId)}/`);
  return line === null || line === undefined ? page : `${page}#L${line}`;
}

/** Where the site publishes a report's original file (astro.config.mjs copies it): "/originals/2024/x.docx". */
export function originalHref(base: string, sourceFile: string): string {
  return withBase(base, `originals/${sourceFile.split("/").map(encodeURIComponent).join("/")}`);
}
