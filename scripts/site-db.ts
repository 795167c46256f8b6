/** `npm run site-db`: public/data/*.parquet → public/data/site.duckdb (see src/query/write-site-db.ts). DATA_DIR overrides the directory. */
import { resolve } from "node:path";
import { writeSiteDb } from "../src/query/write-site-db.ts";

const dir = resolve(process.env["DATA_DIR"] ?? "public/data");
writeSiteDb(dir).then(
  (path) => console.log(`site-db: wrote ${path}`),
  (err: unknown) => {
    console.error(`site-db: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
