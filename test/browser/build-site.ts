/** Builds the site once (data → site-db → astro build) into a directory of our own, for tests and bench:site. */
import { spawn } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { copyFile, cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The committed fixture corpus (test/fixtures/README.md `corpus/`): 39 synthetic reports, 12 units over 2021–2024. */
export const FIXTURE_CORPUS = join(REPO_ROOT, "test/fixtures/corpus");

/** How many lines of the build log a failure message quotes. */
const LOG_TAIL = 40;

/** Runs one command with its output appended to log; resolves to its exit code. */
function runLogged(command: string, args: string[], env: NodeJS.ProcessEnv, log: WriteStream): Promise<number | null> {
  return new Promise<number | null>((done, fail) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once("error", fail);
    child.once("close", done);
  });
}

/** Runs the steps in turn, stopping at the first failure, whose message quotes the log's tail. */
async function runSteps(steps: Array<[string, string[]]>, env: NodeJS.ProcessEnv, logPath: string): Promise<void> {
  const log = createWriteStream(logPath);
  let failed: { step: string; code: number | null } | null = null;
  try {
    for (const [command, args] of steps) {
      const code = await runLogged(command, args, env, log);
      if (code !== 0) {
        failed = { step: [command, ...args].join(" "), code };
        break;
      }
    }
  } finally {
    await new Promise((done) => log.end(done));
  }
  if (failed) {
    // npm's config warnings ("npm warn Unknown env config") would crowd out the build's own error.
    const lines = (await readFile(logPath, "utf8")).trimEnd().split("\n").filter((l) => !l.startsWith("npm warn"));
    const tail = lines.slice(-LOG_TAIL).join("\n");
    throw new Error(`${failed.step} failed (exit ${failed.code}); log: ${logPath}\n${tail}`);
  }
}

/**
 * Runs `npm run build -- --outDir <outDir>` with BASE_PATH=base. Its own outDir, not dist/, so a test run never
 * clobbers the dist/ a developer is previewing. The full log goes to logPath; a failure quotes its tail.
 */
export async function buildSite(outDir: string, base: string, logPath: string): Promise<void> {
  await runSteps([["npm", ["run", "build", "--", "--outDir", outDir]]], { ...process.env, BASE_PATH: base }, logPath);
}

/**
 * The demo build of a corpus (SITE_DEMO=1: every page labelled 合成示例数据), as `npm run demo` makes it but
 * without generating: publishes corpusDir into dataDir, writes its site.duckdb, builds into outDir. node and
 * astro are run directly (no npm wrapper) and the real tables in public/data are never read or written.
 */
export async function buildDemoSite(corpusDir: string, dataDir: string, outDir: string, base: string, logPath: string, previous?: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: base, SITE_DEMO: "1", DATA_DIR: dataDir, REPORTS_DIR: corpusDir };
  await runSteps(
    [
      [process.execPath, ["scripts/data.ts", "--in", corpusDir, "--out", dataDir, ...(previous ? ["--previous", previous] : [])]],
      [process.execPath, ["scripts/site-db.ts"]],
      [join(REPO_ROOT, "node_modules/.bin/astro"), ["build", "--outDir", outDir]],
    ],
    env,
    logPath,
  );
}

/**
 * How the fixture site's previous release differs from the fixture corpus, so its /data/changes/ has one change of
 * each main kind: a report only the previous release held (a seed), a report only the current one holds, and one
 * figure the previous release printed otherwise (收入合计 of 浏阳市工业和信息化局 2024, its line 60).
 */
export const PREVIOUS_RELEASE = {
  onlyBefore: { from: join(REPO_ROOT, "data/reports/2024/临湘市-科技和工业信息化局.txt"), file: "2024/临湘市-科技和工业信息化局.txt" },
  onlyNow: "2024/醴陵市-财政局.txt",
  edited: { file: "2024/浏阳市-工业和信息化局.txt", line: 60, now: "\t1013.84", before: "\t1031.84" },
} as const;

/** Publishes the previous release of corpusDir (PREVIOUS_RELEASE) into outDir, through a corpus made in workDir. */
export async function publishPreviousRelease(corpusDir: string, workDir: string, outDir: string, logPath: string): Promise<void> {
  const { onlyBefore, onlyNow, edited } = PREVIOUS_RELEASE;
  await cp(corpusDir, workDir, { recursive: true });
  await rm(join(workDir, onlyNow));
  await copyFile(onlyBefore.from, join(workDir, onlyBefore.file));
  const path = join(workDir, edited.file);
  const lines = (await readFile(path, "utf8")).split("\n");
  if (lines[edited.line - 1] !== edited.now) throw new Error(`${path}:${edited.line}: expected ${JSON.stringify(edited.now)}, found ${JSON.stringify(lines[edited.line - 1])}; update PREVIOUS_RELEASE`);
  lines[edited.line - 1] = edited.before;
  await writeFile(path, lines.join("\n"), "utf8");
  await runSteps([[process.execPath, ["scripts/data.ts", "--in", workDir, "--out", outDir]]], process.env, logPath);
}
