/** Arrow results (DuckDB-WASM) → plain JS rows with the same values node-db gives, plus the column names. */
import { plainValue } from "./db.ts";

// Arrow's Type enum values (apache-arrow 17), named here so this module needs no runtime import of arrow.
const DECIMAL = 7;
const DATE = 8;
const TIMESTAMP = 10;

interface ArrowField {
  name: string;
  type: { typeId: number; scale?: number };
}
interface ArrowTable {
  schema: { fields: ArrowField[] };
  toArray(): { toJSON(): Record<string, unknown> }[];
}

function converter(field: ArrowField): (v: unknown) => unknown {
  const { typeId, scale = 0 } = field.type;
  // A DECIMAL arrives as a BigNum whose valueOf(scale) applies the scale (SELECT 1.5 would otherwise show 15).
  if (typeId === DECIMAL) return (v) => (v === null ? null : (v as { valueOf(s: number): number }).valueOf(scale));
  if (typeId === DATE) return (v) => (v === null ? null : new Date(Number(v)).toISOString().slice(0, 10));
  if (typeId === TIMESTAMP) return (v) => (v === null ? null : new Date(Number(v)).toISOString());
  return plainValue;
}

/** Column names in result order and the rows as plain objects. */
export function arrowRows<T>(table: ArrowTable): { columns: string[]; rows: T[] } {
  const fields = table.schema.fields;
  const convert = fields.map((f) => [f.name, converter(f)] as const);
  const rows = table.toArray().map((r) => {
    const json = r.toJSON();
    const out: Record<string, unknown> = {};
    for (const [name, fn] of convert) out[name] = fn(json[name] ?? null);
    return out as T;
  });
  return { columns: fields.map((f) => f.name), rows };
}
