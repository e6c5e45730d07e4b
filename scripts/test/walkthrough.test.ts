import { buildApp } from "@chipflow/api";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bufferIo, type CliIo } from "../src/cli/cli-io.js";
import { main as datasets } from "../src/datasets.js";
import { main as exportMain } from "../src/export.js";
import { main as importMain } from "../src/import.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  import: importMain,
  datasets,
  export: exportMain,
};

/** The command lines of the walkthrough in docs/import.md, in order, comments left out. */
function walkthrough(): string[] {
  const doc = readFileSync(join(ROOT, "docs/import.md"), "utf8");
  const section = doc.split("## From a Comtrade download to a chart in five minutes")[1]!.split("\n## ")[0]!;
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split("\n").filter((line) => line.trim() && !line.startsWith("#"));
}

describe("the walkthrough in docs/import.md, step by step", () => {
  it("checks a real Comtrade extract with a report, imports it, shows it, serves its chart and exports it to Excel", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chipflow-walkthrough-"));
    // The page's paths, moved into a folder of the test's own; repository paths are read from the repository.
    const local = (line: string) => line.replaceAll("/tmp/", `${dir}/`).replaceAll(" data/", ` ${ROOT}data/`);
    const lines = walkthrough().map(local);
    expect(lines).toHaveLength(6);
    let db = "";
    for (const line of lines) {
      const npm = /^npm run (\w+) -- (.*)$/.exec(line);
      if (npm) {
        const io = bufferIo();
        const code = await COMMANDS[npm[1]!]!(npm[2]!.split(" "), io);
        expect({ line, code, err: io.err() }).toEqual({ line, code: 0, err: "" });
        if (line.includes("--dry-run")) {
          expect(io.out()).toMatch(/giving 15 facts[\s\S]*dry run: nothing was written/);
          const report = readFileSync(join(dir, "my-china-usa.md"), "utf8");
          expect(report).toContain("| CHN | 2010 | 8542 | 1 | 0 | 7,903,767,147 | 0 |");
          expect(report).toContain("| CHN | 2015 | 8542 | 1 | 53 | 11,369,627,279 | 0 |");
          expect(report).toContain("| total |  |  | 15 | 158 |");
          expect(report).toContain("None: every country and HS code maps.");
          expect(report).toContain("Pairs compared: 0; more than 10% apart: 0.");
        }
        if (npm[1] === "datasets")
          expect(io.out()).toMatch(/^my-china-usa: .*\n15 facts from 15 rows, 2010-01-01\.\.2024-12-31/);
        continue;
      }
      const start = /^CHIPFLOW_DB=(\S+) npm start$/.exec(line);
      if (start) {
        db = start[1]!;
        continue;
      }
      const curl = /^curl "http:\/\/127\.0\.0\.1:8080(\/api\/\S+)"$/.exec(line);
      expect(curl, line).not.toBeNull();
      const app = await buildApp({ dbPath: db });
      const res = await app.inject(curl![1]!);
      await app.close();
      expect(res.statusCode).toBe(200);
      const { series } = res.json<{ series: { label: string; points: unknown[] }[] }>();
      expect(series.map((s) => s.label)).toEqual(["United States of America"]);
      expect(series[0]!.points).toHaveLength(15);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "my-china-usa.xlsx"));
    expect(book.getWorksheet("data")!.rowCount).toBe(16); // the header and 15 facts
  }, 60_000);
});
