/** /search-index.json: every unit and county for the search box (src/search/search-index.ts), fetched on first use. */
import type { APIRoute } from "astro";
import { siteSearch } from "../query/search-units.ts";

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await siteSearch()).index), { headers: { "Content-Type": "application/json; charset=utf-8" } });
