/** /data/units/<county code>.json: the county's units, their reports and headline figures with source lines (src/schema/units-json.ts). */
import type { APIRoute, GetStaticPaths } from "astro";
import { normalizeBase } from "../../../format/url.ts";
import { buildDb } from "../../../query/build-db.ts";
import { siteManifest } from "../../../query/read-manifest.ts";
import { siteCounties } from "../../../query/site-counties.ts";
import { countyUnitsJson } from "../../../query/units-json.ts";
import type { County } from "../../../query/unit-pages.ts";
import { countyUnitsSchema } from "../../../schema/units-json.ts";

export const getStaticPaths = (async () => {
  const { counties } = await siteCounties(await buildDb());
  return counties.map((county) => ({ params: { code: county.county_code }, props: { county } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ county: County }> = async ({ props }) => {
  const release = (await siteManifest())?.release_id ?? null;
  // Parsed on the way out, so a file that does not fit its documented schema fails the build, not a reader.
  const body = countyUnitsSchema.parse(countyUnitsJson(props.county, normalizeBase(import.meta.env.BASE_URL), release));
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
