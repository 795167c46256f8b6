/** Checks one extracted report against the data contract before any of its rows can be published. */
import type { z } from "zod";
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
    const seen = new Map<string, number>();
    tables[name] = input.map((row, i) => {
      const parsed = TABLES[name].schema.safeParse(row);
      const where = `${name} row ${i + 1}`;
      if (!parsed.success) {
        throw new ContractError(file, sourceLineOf(row), `${where} breaks the schema: ${parsed.error.issues.map(describeIssue).join("; ")}`);
      }
      const key = keyOf(name, parsed.data);
      const first = seen.get(key);
      if (TABLES[name].unique && first !== undefined) {
        const values = TABLES[name].key.map((k) => `${k}=${String((parsed.data as Record<string, unknown>)[k])}`);
        throw new ContractError(file, sourceLineOf(row), `${where} has the same key as row ${first + 1} (${values.join(", ")}); a key must be unique`);
      }
      seen.set(key, i);
      return parsed.data;
    });
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
