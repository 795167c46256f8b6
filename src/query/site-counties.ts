/** Every county page's data: the units of siteUnits grouped by county, with the manifest's failures (build time). */
import type { Db } from "./db.ts";
import { readManifest } from "./read-manifest.ts";
import { assembleCounties, siteUnits, type County } from "./unit-pages.ts";
import type { Failure } from "../publish/manifest.ts";

const memo = new WeakMap<Db, Promise<{ counties: County[]; unplaced: Failure[] }>>();

/** Counties in code order and the failures no county claims; computed once per Db. */
export function siteCounties(db: Db): Promise<{ counties: County[]; unplaced: Failure[] }> {
  let pending = memo.get(db);
  if (!pending) {
    pending = Promise.all([siteUnits(db), readManifest()]).then(([{ units }, manifest]) => assembleCounties(units, manifest));
    memo.set(db, pending);
  }
  return pending;
}
