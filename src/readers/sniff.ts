/** What a file's first bytes say it is, for a ParseError a person understands ("found an RTF document"). */

const ascii = (bytes: Uint8Array, n: number) => String.fromCharCode(...bytes.subarray(0, n)).toLowerCase();

export function kindOf(bytes: Uint8Array): string {
  if (bytes.length === 0) return "an empty file";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return "an OLE compound file";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "a zip";
  // Word saves "as .doc" in these too; Chinese portals often publish them so.
  const head = ascii(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0), 512).trimStart();
  if (head.startsWith("%pdf")) return "a PDF";
  if (head.startsWith("{\\rtf")) return "an RTF document";
  if (head.startsWith("mime-version") || head.includes("multipart/related")) return "a web archive (MHT)";
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || /^<\?xml[^>]*>\s*<html/.test(head)) return "an HTML page";
  if (head.includes("<w:worddocument")) return "a Word 2003 XML document";
  if (head.startsWith("<?xml")) return "an XML file";
  return "neither a Word document nor one of RTF, HTML or PDF";
}
