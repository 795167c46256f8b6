/** npm run data -- --in <dir> --out <dir> [--keep-going]: publish the report corpus as Parquet/CSV tables. */
import { runDataCli } from "../src/publish/data-cli.ts";

process.exitCode = await runDataCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
});
