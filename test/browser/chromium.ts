/** Debian's chromium driven by playwright-core, launched so that it never reaches for the network by itself. */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

// From ../shared/design/platform-notes.md: these keep Chromium's own background traffic (updates, sync,
// QUIC probes) off the wire, so any request we see leaving 127.0.0.1 comes from the site.
const NO_NETWORK_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const ENSURE_SCRIPT = fileURLToPath(new URL("../../scripts/ensure-chromium.sh", import.meta.url));

/** Installs chromium with apt-get when missing (as root); throws with the script's message otherwise. */
export async function ensureChromium(): Promise<void> {
  try {
    await promisify(execFile)("bash", [ENSURE_SCRIPT], { env: { ...process.env, CHROMIUM_PATH }, maxBuffer: 64 << 20 });
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr?.trim();
    throw new Error(`chromium not available at ${CHROMIUM_PATH}: ${stderr || String(err)}`, { cause: err });
  }
}

/** A headless Chromium with the no-network flags; playwright gives every launch a fresh temporary profile. */
export function launchChromium(): Promise<Browser> {
  // No --user-data-dir here: playwright refuses it in launch() and already creates a fresh profile directory.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: NO_NETWORK_FLAGS });
}
