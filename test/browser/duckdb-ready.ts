/** The page's DuckDB-WASM state, per the selector contract: <html data-duckdb="ready|error"> once it has loaded. */
import type { Page } from "playwright-core";

/** Waits until the page's DuckDB-WASM has settled and returns "ready" or "error"; never a fixed sleep. */
export async function waitForDuckdb(page: Page, timeout = 45_000): Promise<string> {
  const handle = await page.waitForFunction(
    () => {
      const state = document.documentElement.dataset["duckdb"];
      return state === "ready" || state === "error" ? state : null;
    },
    undefined,
    { timeout },
  );
  return (await handle.jsonValue()) as string;
}
