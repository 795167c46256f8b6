/** `npm run data`: argument parsing, console output and the exit code around publish(). */
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { TABLE_NAMES } from "../schema/tables.ts";
import { formatFailure } from "./failure.ts";
import { PreviousReleaseError } from "./changes.ts";
import { generatedAtFromEnv } from "./manifest.ts";
import { publish, type PublishOptions } from "./publish.ts";

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

const USAGE =
  "usage: npm run data -- [--in data/reports] [--out public/data] [--keep-going] [--previous <dir>]\n" +
  "  reads every .txt, .docx, .doc and .pdf under --in (one report per department and year: of two files, the sounder); writes reports, facts, indicators, projects, checks (.parquet, .csv) and manifest.json to --out\n" +
  "  --by-province: one release per province (GB/T 2260 code prefix) in --out/<code>/, and --out/provinces.json listing them (each built as its own site: npm run build:provinces)\n" +
  "  --previous <dir>: a previous release (its manifest.json and .parquet files; may be --out itself, read before it is replaced): also write changes.csv and changes.parquet, what changed since it\n" +
  "  SOURCE_DATE_EPOCH (seconds), when set, becomes manifest.generated_at; otherwise it is null so reruns are byte-identical";

/** Runs the data CLI on argv (without node and script); exit code 1 when a report failed without --keep-going, 2 on bad arguments. */
export async function runDataCli(argv: string[], io: CliIo, extract?: PublishOptions["extract"]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        in: { type: "string", default: "data/reports" },
        out: { type: "string", default: "public/data" },
        "keep-going": { type: "boolean", default: false },
        previous: { type: "string" },
        "by-province": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const inDir = values.in;
  const keepGoing = values["keep-going"];
  if (!statSync(inDir, { throwIfNoEntry: false })?.isDirectory()) {
    io.err(`--in ${inDir}: no such directory\n${USAGE}`);
    return 2;
  }
  let result;
  try {
    result = await publish({
      inDir,
      outDir: values.out,
      keepGoing,
      generatedAt: generatedAtFromEnv(io.env),
      // Failures are printed once, below, with the path as typed; progress messages are not needed for a few seconds' run.
      logger: { info: io.out, warn: () => {} },
      ...(extract ? { extract } : {}),
      ...(values.previous === undefined ? {} : { previous: values.previous }),
      byProvince: values["by-province"],
    });
  } catch (error) {
    // A --previous that is not a release is a bad argument: nothing was read or written.
    if (error instanceof PreviousReleaseError) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  for (const f of result.failures) io.err(formatFailure(f, inDir));
  // Duplicates are decided, not failed: said once each, and they never change the exit code.
  for (const d of result.duplicates) io.err(formatFailure(d, inDir));
  if (result.published && result.provinces) {
    for (const p of result.provinces) io.out(`${p.code} ${p.name.padEnd(8, "　")} ${String(p.reports).padStart(7)} reports in ${p.counties} counties → ${values.out}/${p.dir}/ (release ${p.release_id})`);
  } else if (result.published) {
    for (const t of TABLE_NAMES) io.out(`${t.padEnd(10)} ${String(result.counts[t]).padStart(8)} rows → ${values.out}/${t}.parquet, ${result.csvFiles[t].join(", ")}`);
    if (result.changes) {
      const { counts: c, csv, parquet, xlsx } = result.changes;
      const files = [csv, parquet, ...(xlsx ? [xlsx] : [])].map((f) => f.file).join(", ");
      io.out(`changes    since ${values.previous}: ${c.report_added} reports added, ${c.report_removed} removed; ${c.value_changed} numbers changed, ${c.value_added} added, ${c.value_removed} removed → ${values.out}/${files}`);
    }
  }
  const failed = result.failures.length;
  if (failed === 0) return 0;
  if (keepGoing) {
    io.err(`${failed} report${failed === 1 ? " failed and was" : "s failed and were"} left out (listed in ${values.out}/manifest.json)`);
    return 0;
  }
  io.err(`${failed} report${failed === 1 ? "" : "s"} failed; nothing was written to ${values.out} (--keep-going publishes the others)`);
  return 1;
}
