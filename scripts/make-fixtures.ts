/**
 * Regenerates the document fixtures: every seed text in data/reports rebuilt as a Word document and exported by
 * LibreOffice to test/fixtures/originals/<year>/<county>-<dept>.{docx,pdf,doc}. Needs soffice on the PATH;
 * tests never do. Usage: npm run fixtures
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { documentOfTikaText, type WordDocument } from "../test/helpers/document-model.ts";
import { fodtOf } from "../test/helpers/fodt.ts";

const ROOT = join(import.meta.dirname, "..");
const REPORTS = join(ROOT, "data/reports");
const ORIGINALS = join(ROOT, "test/fixtures/originals");
const FORMATS = ["docx", "pdf", "doc"] as const;
const EXPORT_FILTER: Record<(typeof FORMATS)[number], string> = {
  docx: "docx:MS Word 2007 XML",
  pdf: "pdf:writer_pdf_Export",
  doc: "doc:MS Word 97",
};

interface Job {
  /** Output path without extension, relative to the fixtures folder. */
  target: string;
  doc: WordDocument;
  title: string;
}

function seedJobs(): Job[] {
  const jobs: Job[] = [];
  for (const year of readdirSync(REPORTS).sort()) {
    for (const file of readdirSync(join(REPORTS, year)).filter((f) => f.endsWith(".txt")).sort()) {
      const county = file.split("-")[0] ?? "";
      const title = `${county}${year}年度部门整体支出绩效自评报告`;
      const text = readFileSync(join(REPORTS, year, file), "utf8");
      jobs.push({ target: join(ORIGINALS, year, basename(file, ".txt")), doc: documentOfTikaText(text, title), title });
    }
  }
  return jobs;
}

/** Converts every job with one soffice run per format, under a private profile so parallel runs don't collide. */
function exportAll(jobs: readonly Job[]): void {
  const work = mkdtempSync(join(tmpdir(), "make-fixtures-"));
  try {
    const sources = jobs.map((job, i) => {
      const path = join(work, `doc-${i}.fodt`);
      writeFileSync(path, fodtOf(job.doc, job.title));
      return path;
    });
    for (const format of FORMATS) {
      const out = join(work, format);
      execFileSync(
        "soffice",
        [`-env:UserInstallation=file://${work}/profile`, "--headless", "--convert-to", EXPORT_FILTER[format], "--outdir", out, ...sources],
        { stdio: ["ignore", "ignore", "inherit"] },
      );
      jobs.forEach((job, i) => {
        mkdirSync(dirname(job.target), { recursive: true });
        copyFileSync(join(out, `doc-${i}.${format}`), `${job.target}.${format}`);
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const jobs = seedJobs();
exportAll(jobs);
for (const job of jobs) console.log(`${job.target.slice(ROOT.length + 1)}.{${FORMATS.join(",")}}`);
