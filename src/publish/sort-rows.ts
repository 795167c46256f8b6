/** Orders a table's rows by its declared key, so every published file has one deterministic row order. */
import { TABLES, type TableName, type TableRows } from "../schema/tables.ts";

type Cell = string | number | null | undefined;

/** Strings by UTF-16 code unit: no locale, so the same order on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Nulls first, numbers numerically, strings by compareText.
function compareCells(a: Cell, b: Cell): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareText(String(a), String(b));
}

/** Returns a new array of rows sorted by TABLES[name].key; ties keep their input order (Array#sort is stable). */
export function sortByKey<T extends TableName>(name: T, rows: readonly TableRows[T][]): TableRows[T][] {
  const key = TABLES[name].key as string[];
  return [...rows].sort((a, b) => {
    const ra = a as unknown as Record<string, Cell>;
    const rb = b as unknown as Record<string, Cell>;
    for (const k of key) {
      const c = compareCells(ra[k], rb[k]);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/**
 * The key of a row as one string, for finding duplicate keys: two rows get the same string exactly when their
 * key values are equal (each text is prefixed with its length, so no separator inside a text can fake a match).
 */
export function keyOf(name: TableName, row: object): string {
  const r = row as Record<string, Cell>;
  let key = "";
  for (const k of TABLES[name].key as string[]) {
    const v = r[k] ?? null;
    key += typeof v === "string" ? `s${v.length}:${v}` : `${v === null ? "z" : `n${v}`};`;
  }
  return key;
}
