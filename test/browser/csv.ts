/** Reading the site's CSV downloads back the way a journalist's tools would: bytes → BOM check → papaparse. */
import Papa from "papaparse";

export interface ParsedCsv {
  /** Whether the bytes start with the UTF-8 BOM EF BB BF (Excel needs it to read the Chinese). */
  bom: boolean;
  fields: string[];
  rows: Record<string, string>[];
}

const BOM = [0xef, 0xbb, 0xbf];

/** Parses CSV bytes with a header row; throws on papaparse errors so a malformed file fails loudly. */
export function parseCsv(bytes: Uint8Array): ParsedCsv {
  const bom = BOM.every((b, i) => bytes[i] === b);
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV does not parse: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  return { bom, fields: parsed.meta.fields ?? [], rows: parsed.data };
}
