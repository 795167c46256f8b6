/** Builds the site once (data → site-db → astro build) into a directory of our own, for tests and bench:site. */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** How many lines of the build log a failure message quotes. */
const LOG_TAIL = 40;

/**
 * Runs `npm run build -- --outDir <outDir>` with BASE_PATH=base. Its own outDir, not dist/, so a test run never
 * clobbers the dist/ a developer is previewing. The full log goes to logPath; a failure quotes its tail.
 */
export async function buildSite(outDir: string, base: string, logPath: string): Promise<void> {
  const log = createWriteStream(logPath);
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn("npm", ["run", "build", "--", "--outDir", outDir], {
      cwd: REPO_ROOT,
      env: { ...process.env, BASE_PATH: base },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.once("error", fail);
    child.once("close", done);
  });
  await new Promise((done) => log.end(done));
  if (code !== 0) {
    // npm's config warnings ("npm warn Unknown env config") would crowd out the build's own error.
    const lines = (await readFile(logPath, "utf8")).trimEnd().split("\n").filter((l) => !l.startsWith("npm warn"));
    const tail = lines.slice(-LOG_TAIL).join("\n");
    throw new Error(`npm run build failed (exit ${code}); log: ${logPath}\n${tail}`);
  }
}
