/** Checks one extracted report against the data contract before any of its rows can be published. */
import { z } from "zod";
import { TABLE_NAMES, TABLES, type ReportRow, type TableName, type TableRows } from "../schema/tables.ts";
import { keyOf } from "./sort-rows.ts";

/** A report whose rows break the contract; line is the offending row's source_line when it has one. */
export class ContractError extends Error {
  readonly file: string;
  readonly line: number | null;
  constructor(file: string, line: number | null, message: string) {
    super(`${line === null ? file : `${file}:${line}`}: ${message}`);
    this.name = "ContractError";
    this.file = file;
    this.line = line;
  }
}

export type ReportTables = { [T in TableName]: TableRows[T][] };

/** A report's rows before validation: its report row, and every other table's rows (as the pipeline has them). */
export type UnvalidatedReport = { report: ReportRow } & Record<Exclude<TableName, "reports">, readonly unknown[]>;

// One parse per table rather than per row: zod's per-call set-up is a good part of a short row's cost.
const ROWS = Object.fromEntries(TABLE_NAMES.map((t) => [t, z.array(TABLES[t].schema)])) as unknown as Record<TableName, z.ZodArray<z.ZodType>>;

function sourceLineOf(row: unknown): number | null {
  const line = (row as { source_line?: unknown } | null)?.source_line;
  return typeof line === "number" ? line : null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${issue.path.join(".") || "(row)"}: ${issue.message}`;
}

/**
 * Parses every row with its table's zod schema and checks what zod cannot see: the report row names the
 * file and hash it came from, every row carries the report's id, and no two rows share a key where the table says it is unique.
 * Returns the parsed rows (zod's output, so exactly what the schema promises).
 */
export function validateReport(file: string, sha256: string, extracted: UnvalidatedReport): ReportTables {
  const tables = {} as Record<TableName, unknown[]>;
  for (const name of TABLE_NAMES) {
    const input: readonly unknown[] = name === "reports" ? [extracted.report] : extracted[name];
    const parsed = ROWS[name].safeParse(input);
    if (!parsed.success) {
      // Issues are reported for the first row that has any; their paths start with the row's index.
      const at = Number(parsed.error.issues[0]?.path[0] ?? 0);
      const issues = parsed.error.issues.filter((issue) => issue.path[0] === at).map((issue) => ({ ...issue, path: issue.path.slice(1) }));
      throw new ContractError(file, sourceLineOf(input[at]), `${name} row ${at + 1} breaks the schema: ${issues.map(describeIssue).join("; ")}`);
    }
    const rows = parsed.data as Record<string, unknown>[];
    if (TABLES[name].unique) {
      const seen = new Map<string, number>();
      rows.forEach((row, i) => {
        const key = keyOf(name, row);
        const first = seen.get(key);
        if (first !== undefined) {
          const values = TABLES[name].key.map((k) => `${k}=${String(row[k])}`);
          throw new ContractError(file, sourceLineOf(row), `${name} row ${i + 1} has the same key as row ${first + 1} (${values.join(", ")}); a key must be unique`);
        }
        seen.set(key, i);
      });
    }
    tables[name] = rows;
  }
  const report = extracted.report;
  if (report.source_file !== file) {
    throw new ContractError(file, null, `reports.source_file is ${JSON.stringify(report.source_file)}, not the file read`);
  }
  if (report.source_sha256 !== sha256) {
    throw new ContractError(file, null, `reports.source_sha256 is ${report.source_sha256}, not the hash of the file read (${sha256})`);
  }
  for (const name of TABLE_NAMES) {
    for (const row of tables[name] as { report_id: string }[]) {
      if (row.report_id !== report.report_id) {
        throw new ContractError(file, sourceLineOf(row), `${name} row has report_id ${row.report_id}, not the report's ${report.report_id}`);
      }
    }
  }
  return tables as ReportTables;
}
