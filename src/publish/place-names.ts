/** GB/T 2260 city and county names, for the synthetic corpus: the same list the extractor recognises. */
import { divisions } from "../extract/place.ts";
import { uniqueCountyNames, type PlaceName } from "./synthetic-corpus.ts";

/** County-level names that name one place only (see uniqueCountyNames), in the package's code order. */
export function syntheticCounties(): PlaceName[] {
  return uniqueCountyNames(divisions.map((d): PlaceName => ({ code: d.code, zh: d.name })));
}
