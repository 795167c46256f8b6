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

/**
 * A unit's page: /units/<unit_id>/ when it has several documents; a unit with one document (most units of a
 * one-year corpus) is that report's page, which carries the unit's brief and peers, so 10,000 one-year units
 * cost 10,000 pages, not 20,000 (issue 16 §1's file budget).
 */
export function unitHref(base: string, unit: { unit_id: string; sole_report_id: string | null }, hash = ""): string {
  const page = unit.sole_report_id === null ? withBase(base, `units/${encodeURIComponent(unit.unit_id)}/`) : reportHref(base, unit.sole_report_id);
  return `${page}${hash}`;
}

/** Where the site publishes a report's original file (astro.config.mjs copies it): "/originals/2024/x.docx". */
export function originalHref(base: string, sourceFile: string): string {
  return withBase(base, `originals/${sourceFile.split("/").map(encodeURIComponent).join("/")}`);
}
