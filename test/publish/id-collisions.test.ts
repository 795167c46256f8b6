import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nameSuffix } from "../../src/publish/id-collisions.ts";
import { publish } from "../../src/publish/publish.ts";
import { renamePlaces, shiftYears } from "../../src/publish/synthetic-corpus.ts";
import { parseCsv } from "../browser/csv.ts";
import { SEEDS, tempDir } from "./helpers.ts";

const SEED = { county: "临湘市", department: "科技和工业信息化局" };

/** The 临湘 seed as another department of 临湘, in another year. */
async function asDepartment(department: string, delta = 0): Promise<string> {
  const text = await readFile(join(SEEDS, "2024/临湘市-科技和工业信息化局.txt"), "utf8");
  return shiftYears(renamePlaces(text, SEED, { county: "临湘市", department }), delta);
}

describe("departments whose initials give the same ids", () => {
  it("商务局 and 水务局 (both swj) are both published, each its own unit across years", async () => {
    const dir = await tempDir();
    const files: [string, string][] = [
      ["2024/临湘市-商务局.txt", await asDepartment("商务局")],
      ["2023/临湘市-商务局.txt", await asDepartment("商务局", -1)],
      ["2024/临湘市-水务局.txt", await asDepartment("水务局")],
      ["2024/临湘市-教育局.txt", await asDepartment("教育局")],
    ];
    for (const [file, text] of files) {
      await mkdir(join(dir, "in", file, ".."), { recursive: true });
      await writeFile(join(dir, "in", file), text);
    }
    const result = await publish({ inDir: join(dir, "in"), outDir: join(dir, "out") });
    expect(result.duplicates).toEqual([]);
    const reports = parseCsv(await readFile(join(dir, "out", "reports.csv"))).rows.map((r) => [r["department_zh"], r["fiscal_year"], r["report_id"], r["unit_id"]]);
    const sw = nameSuffix("临湘市商务局");
    const water = nameSuffix("临湘市水务局");
    expect(sw).not.toBe(water);
    expect(reports).toEqual(
      expect.arrayContaining([
        ["临湘市商务局", "2024", `430682-2024-swj-${sw}`, `430682-swj-${sw}`],
        ["临湘市商务局", "2023", `430682-2023-swj-${sw}`, `430682-swj-${sw}`],
        ["临湘市水务局", "2024", `430682-2024-swj-${water}`, `430682-swj-${water}`],
        // No one shares 教育局's initials: its ids stay as they are.
        ["临湘市教育局", "2024", "430682-2024-jyj", "430682-jyj"],
      ]),
    );
    expect(reports).toHaveLength(4);
    // Every table follows the renamed id.
    const facts = parseCsv(await readFile(join(dir, "out", "facts.csv"))).rows;
    expect(facts.some((f) => f["report_id"] === `430682-2024-swj-${water}`)).toBe(true);
    expect(facts.some((f) => f["report_id"] === "430682-2024-swj")).toBe(false);
    const manifest = JSON.parse(await readFile(join(dir, "out", "manifest.json"), "utf8")) as { inputs: { source_file: string; report_id: string }[] };
    expect(manifest.inputs.find((i) => i.source_file === "2024/临湘市-水务局.txt")?.report_id).toBe(`430682-2024-swj-${water}`);
  });
});
