/** npm run dictionary: regenerate docs/data-dictionary.md from the schema module. */
import { mkdir, writeFile } from "node:fs/promises";
import { renderDataDictionary } from "../src/publish/data-dictionary.ts";

await mkdir("docs", { recursive: true });
await writeFile("docs/data-dictionary.md", renderDataDictionary(), "utf8");
process.stdout.write("wrote docs/data-dictionary.md\n");
