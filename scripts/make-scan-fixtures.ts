/**
 * Regenerates test/fixtures/scans: each seed's LibreOffice PDF (test/fixtures/originals) as a scan would publish it,
 * every page an image at 150 dpi in gray with no text layer (pdftoppm, then img2pdf). Needs poppler-utils and
 * img2pdf (apt-get install poppler-utils img2pdf); tests never do. Usage: npm run fixtures:scans
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const FROM = join(ROOT, "test/fixtures/originals");
const OUT = join(ROOT, "test/fixtures/scans");
const DPI = "150";

rmSync(OUT, { recursive: true, force: true });
for (const year of readdirSync(FROM).sort()) {
  for (const file of readdirSync(join(FROM, year)).filter((f) => f.endsWith(".pdf")).sort()) {
    const tmp = mkdtempSync(join(tmpdir(), "scan-"));
    try {
      execFileSync("pdftoppm", ["-r", DPI, "-gray", "-png", join(FROM, year, file), join(tmp, "page")]);
      const pages = readdirSync(tmp).filter((f) => f.endsWith(".png")).sort().map((f) => join(tmp, f));
      mkdirSync(join(OUT, year), { recursive: true });
      execFileSync("img2pdf", ["--imgsize", `${DPI}dpi`, "-o", join(OUT, year, file), ...pages]);
      console.log(`${year}/${file}: ${pages.length} pages`);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
}
