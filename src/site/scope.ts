/**
 * A province's site within the national one (`npm run build:provinces` sets SITE_PROVINCE to the province's name
 * and SITE_NATIONAL_HOME to the national entry page's URL): the header names the province and links back.
 */
export interface SiteScope {
  province: string;
  home: string;
}

/** The scope of this build, or null for a site of the whole corpus. */
export function siteScope(env: Record<string, string | undefined> = process.env): SiteScope | null {
  const province = env["SITE_PROVINCE"];
  return province ? { province, home: env["SITE_NATIONAL_HOME"] || "/" } : null;
}
