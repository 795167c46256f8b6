/** A province's counties for the national entry page's search (scripts/build-provinces.ts): code, name, reports. */
import type { Db } from "./db.ts";

export interface NationalCounty {
  county_code: string;
  county_zh: string;
  reports: number;
}

/** Every county of the province's release with its report count, in code order. */
export function nationalCounties(db: Db): Promise<NationalCounty[]> {
  return db.query<NationalCounty>(
    "SELECT county_code, any_value(county_zh) AS county_zh, count(*)::INTEGER AS reports FROM reports GROUP BY county_code ORDER BY county_code",
  );
}
