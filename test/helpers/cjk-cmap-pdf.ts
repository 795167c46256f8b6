/**
 * A one-page PDF written by hand whose Chinese text needs one of pdf.js's predefined CMaps: a Type0 font
 * STSong-Light (not embedded) with /Encoding /UniGB-UCS2-H, text as UCS-2 codes. No ToUnicode: the text
 * comes out right only when the reader finds the CMap files.
 */
export function cjkCmapPdf(lines: readonly string[]): Uint8Array {
  const hex = (s: string) => [...s].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, "0")).join("");
  return onePagePdf(
    lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - 20 * i} Td <${hex(l)}> Tj ET`),
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
  );
}

/** The same page in a standard Latin font (Helvetica): a text layer that holds no Chinese character. */
export function latinPdf(lines: readonly string[]): Uint8Array {
  return onePagePdf(
    lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - 20 * i} Td (${l.replace(/[()\\]/g, "\\$&")}) Tj ET`),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  );
}

/** A one-page A4 PDF: the text operators as its content, font F1 (object 4; `more` objects follow from 6). */
function onePagePdf(operators: readonly string[], font: string, ...more: string[]): Uint8Array {
  const content = operators.join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    font,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...more,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
