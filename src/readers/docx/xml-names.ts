/** WordprocessingML names whatever prefix the producer gave its namespace ("w:val", "ns0:val"). */

/** "w:tbl" → "tbl". */
export const localName = (qname: string) => qname.slice(qname.indexOf(":") + 1);

/** An attribute by local name; the usual "w:" prefix is looked up directly, any other by a scan. */
export function attribute(attributes: Record<string, string>, local: string): string | undefined {
  const usual = attributes[`w:${local}`];
  if (usual !== undefined) return usual;
  for (const name in attributes) if (localName(name) === local) return attributes[name];
  return undefined;
}
