/**
 * Regenerates the document fixtures (see test/fixtures/README.md): every seed text in data/reports rebuilt as a
 * Word document and exported by LibreOffice to test/fixtures/originals/<year>/<county>-<dept>.{docx,pdf,doc}
 * (and each text in test/fixtures/variants beside itself),
 * and the small reader documents of test/helpers/reader-documents.ts into test/fixtures/readers/.
 * Needs soffice and pdftoppm on the PATH; tests never do. Usage: npm run fixtures
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { documentOfTikaText, tikaTextOf, type WordDocument } from "../test/helpers/document-model.ts";
import { fodtOf } from "../test/helpers/fodt.ts";
import { ENCRYPTED_SOURCE, READER_DOCUMENTS, SCAN_SOURCE } from "../test/helpers/reader-documents.ts";
import { readersReadme } from "../test/helpers/readers-readme.ts";
import { withFixedPdfDateAndId, withFixedZipTimes } from "../test/helpers/stable-bytes.ts";

const ROOT = join(import.meta.dirname, "..");
const REPORTS = join(ROOT, "data/reports");
const ORIGINALS = join(ROOT, "test/fixtures/originals");
const READERS = join(ROOT, "test/fixtures/readers");
const VARIANTS = join(ROOT, "test/fixtures/variants");
const ENCRYPTED_PASSWORD = "x";

const FILTERS = {
  docx: "docx:MS Word 2007 XML",
  pdf: "pdf:writer_pdf_Export",
  doc: "doc:MS Word 97",
  odt: "odt:writer8",
  encryptedPdf: `pdf:writer_pdf_Export:${JSON.stringify({
    EncryptFile: { type: "boolean", value: "true" },
    DocumentOpenPassword: { type: "string", value: ENCRYPTED_PASSWORD },
  })}`,
} as const;
type Filter = keyof typeof FILTERS;
const extensionOf = (filter: Filter) => (filter === "encryptedPdf" ? "pdf" : filter);

interface Export {
  doc: WordDocument;
  title: string;
  /** Output path per filter, absolute, with extension. */
  targets: Partial<Record<Filter, string>>;
}

/** Every <year>/<county>-<dept>.txt under `texts` as a Word document, exported to the same name under `into`. */
function textExports(texts: string, into: string): Export[] {
  const exports: Export[] = [];
  for (const year of readdirSync(texts).sort()) {
    for (const file of readdirSync(join(texts, year)).filter((f) => f.endsWith(".txt")).sort()) {
      const county = file.split("-")[0] ?? "";
      const title = `${county}${year}年度部门整体支出绩效自评报告`;
      const target = join(into, year, basename(file, ".txt"));
      exports.push({
        doc: documentOfTikaText(readFileSync(join(texts, year, file), "utf8"), title),
        title,
        targets: { docx: `${target}.docx`, pdf: `${target}.pdf`, doc: `${target}.doc` },
      });
    }
  }
  return exports;
}

/** Runs soffice once per filter over all documents, under a private profile so parallel runs don't collide. */
function exportAll(exports: readonly Export[], work: string): void {
  const sources = exports.map((e, i) => {
    const path = join(work, `doc-${i}.fodt`);
    writeFileSync(path, fodtOf(e.doc, e.title));
    return path;
  });
  for (const filter of Object.keys(FILTERS) as Filter[]) {
    const chosen = exports.flatMap((e, i) => (e.targets[filter] === undefined ? [] : [i]));
    if (chosen.length === 0) continue;
    const out = join(work, filter);
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", FILTERS[filter], "--outdir", out, ...chosen.map((i) => sources[i] ?? "")],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    for (const i of chosen) {
      const target = exports[i]?.targets[filter] ?? "";
      mkdirSync(dirname(target), { recursive: true });
      const bytes = readFileSync(join(out, `doc-${i}.${extensionOf(filter)}`));
      writeFileSync(target, stamped(filter, bytes));
    }
  }
}

/** The export with LibreOffice's time stamps fixed (an encrypted PDF keeps its /ID: its key depends on it). */
function stamped(filter: Filter, bytes: Uint8Array): Uint8Array {
  if (filter === "docx" || filter === "odt") return withFixedZipTimes(bytes);
  if (filter === "pdf") return withFixedPdfDateAndId(bytes);
  return bytes;
}

/** A grey page image of a PDF's first page (what a scanner would give), as PNG bytes. */
function pageImage(pdf: string, work: string): Uint8Array {
  const prefix = join(work, "scan");
  execFileSync("pdftoppm", ["-png", "-gray", "-r", "100", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
  return readFileSync(`${prefix}.png`);
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), "make-fixtures-"));
  try {
    const inWork = (name: string) => join(work, name);
    const readerExports: Export[] = READER_DOCUMENTS.map((r) => ({
      doc: r.doc,
      title: r.name,
      targets: Object.fromEntries(r.formats.map((f) => [f, join(READERS, `${r.name}.${f}`)])),
    }));
    const first = readerExports[0];
    if (first) first.targets.odt = inWork("not-word.odt"); // an OpenDocument zip, later named .docx
    exportAll(
      [
        ...textExports(REPORTS, ORIGINALS),
        ...readerExports,
        { doc: SCAN_SOURCE, title: "scan-source", targets: { pdf: inWork("scan-source.pdf") } },
        { doc: ENCRYPTED_SOURCE, title: "encrypted", targets: { encryptedPdf: join(READERS, "encrypted.pdf") } },
        // Last: a document's place in the batch names its temporary file, which the PDFs' bytes depend on.
        ...textExports(VARIANTS, VARIANTS),
      ],
      work,
    );
    // The scan: a page holding only the picture of another page, so the PDF has no text layer.
    const png = pageImage(inWork("scan-source.pdf"), work);
    const scan: WordDocument = {
      blocks: [{ kind: "paragraph", spans: [{ picture: { png, widthCm: 16, heightCm: 22.6 } }] }],
      header: null,
      pageNumbers: false,
    };
    exportAll([{ doc: scan, title: "scan-only", targets: { pdf: join(READERS, "scan-only.pdf") } }], work);
    // Broken zips: a .docx cut in half (no central directory), and an OpenDocument file named .docx.
    const whole = readFileSync(join(READERS, `${READER_DOCUMENTS[0]?.name}.docx`));
    writeFileSync(join(READERS, "truncated.docx"), whole.subarray(0, Math.floor(whole.length / 2)));
    copyFileSync(inWork("not-word.odt"), join(READERS, "not-word.docx"));
    for (const r of READER_DOCUMENTS) writeFileSync(join(READERS, `${r.name}.expected.txt`), tikaTextOf(r.doc));
    writeFileSync(join(READERS, "README.md"), readersReadme(READER_DOCUMENTS, { scan: SCAN_SOURCE, encrypted: ENCRYPTED_SOURCE }, ENCRYPTED_PASSWORD));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
