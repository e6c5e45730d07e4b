import { openReadonly } from "@chipflow/db";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bufferIo } from "../src/cli/cli-io.js";
import { main } from "../src/import.js";

const EXAMPLES = fileURLToPath(new URL("../../data/examples/", import.meta.url));
const example = (name: string) => join(EXAMPLES, name);
const IMPORT_FIXTURES = fileURLToPath(new URL("../../packages/db/test/fixtures/import/", import.meta.url));
const fixture = (name: string) => join(IMPORT_FIXTURES, name);
const countFacts = (db: string, where = "1") => {
  const handle = openReadonly(db);
  try {
    return handle.prepare(`SELECT dataset_id, count(*) AS n FROM facts WHERE ${where} GROUP BY 1 ORDER BY 1`).all();
  } finally {
    handle.close();
  }
};
const tempDir = () => mkdtempSync(join(tmpdir(), "chipflow-cli-"));

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("npm run import", () => {
  it("prints usage with examples for --help", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: npm run import -- \[options\] <file>/);
    expect(out).toContain("--skip-invalid");
    expect(out).toContain("npm run import -- data/examples/facts.csv --dataset my-estimates");
  });

  it("says what is allowed when a flag or a value is wrong", async () => {
    const wrongFlag = await run(example("facts.csv"), "--frmat", "csv");
    expect(wrongFlag.code).toBe(2);
    expect(wrongFlag.err).toMatch(/unknown option '--frmat'\n\(Did you mean --format\?\)/);
    expect(wrongFlag.err).toContain("--keep-breakdowns");
    const wrongValue = await run(example("facts.csv"), "--format", "xlsx");
    expect(wrongValue.code).toBe(2);
    expect(wrongValue.err).toMatch(/argument 'xlsx' is invalid. Allowed choices are auto, chipflow, comtrade/);
    const badDataset = await run(example("facts.csv"), "--dataset", "My Data", "--db", join(tempDir(), "x.sqlite"));
    expect(badDataset).toMatchObject({ code: 2 });
    expect(badDataset.err).toContain("invalid --dataset My Data: expected lowercase letters, digits and dashes");
    const missing = await run(join(tempDir(), "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read .*nope\.csv: no such file/);
    const empty = await run(tempDir(), "--db", join(tempDir(), "y.sqlite"));
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/holds no file to import: expected \.csv, \.json, \.jsonl, \.ndjson or \.xlsx files/);
    const matchOnFile = await run(example("facts.csv"), "--match", "*.csv");
    expect(matchOnFile.err).toContain("--match picks files in a folder");
  });

  it("creates the database, imports the example and prints a summary", async () => {
    const db = join(tempDir(), "new.sqlite");
    const { code, out, err } = await run(example("facts.csv"), "--dataset", "examples", "--db", db);
    expect([code, err]).toEqual([0, ""]);
    expect(out).toMatch(/facts\.csv → dataset examples \(chipflow-csv, utf-8\)/);
    expect(out).toMatch(
      /read 4 rows giving 4 facts: 4 facts written, 0 updated, 0 rejected in \d+\.\d\d s \([\d,]+ rows\/s\)/,
    );
    const again = await run(example("facts.jsonl"), "--dataset", "examples", "--db", db);
    expect(again.out).toMatch(/read 4 rows giving 4 facts: 0 facts written, 4 updated, 0 rejected/);
    const handle = openReadonly(db);
    expect(handle.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(4);
    handle.close();
  });

  it("imports a Comtrade file and reports the rows it left out", async () => {
    const db = join(tempDir(), "ct.sqlite");
    const { code, out } = await run(example("comtrade-plus.csv"), "--format", "comtrade", "--db", db);
    expect(code).toBe(0);
    expect(out).toContain("(comtrade-plus-csv, utf-8)");
    // 7 rows: 3 left out on purpose, 4 read; the 2 with a count of items give a second fact, their units.
    expect(out).toMatch(/read 7 rows giving 6 facts: 6 facts written/);
    expect(out).toContain("skipped 1 breakdown rows (partner2Code, customsCode or motCode other than the total)");
    expect(out).toContain("skipped 1 monthly rows of a reporter and year that also has annual rows");
  });

  it("lists every error, imports nothing and exits 1 when a row is invalid; --skip-invalid imports the rest", async () => {
    const dir = tempDir();
    const file = join(dir, "bad.csv");
    cpSync(example("facts.csv"), file);
    writeFileSync(
      file,
      "2024-01-01,2024-12-31,,Examplechip,XA-9,gpu,,CHN,,units,many,,,estimate,,P,T,2024,https://example.org,,,\n",
      {
        flag: "a",
      },
    );
    const db = join(dir, "db.sqlite");
    const rejected = await run(file, "--db", db);
    expect(rejected.code).toBe(1);
    expect(rejected.err).toMatch(
      /bad\.csv:6: column value: expected a plain number such as 1200000 or 12\.5 \(got "many"\)/,
    );
    expect(rejected.out).toContain(
      "nothing was imported: 1 rows have errors (listed above). Fix them, or pass --skip-invalid",
    );
    const skipped = await run(file, "--db", db, "--skip-invalid");
    expect(skipped.code).toBe(0);
    expect(skipped.err).toContain("bad.csv:6: column value");
    expect(skipped.out).toMatch(/4 facts written, 0 updated, 1 rejected/);
    expect(skipped.out).toContain("skipped 1 invalid rows (listed above)");
  });

  it("reports the same counts on --dry-run and writes nothing", async () => {
    const db = join(tempDir(), "dry.sqlite");
    const { code, out } = await run(example("facts.csv"), "--dry-run", "--db", db);
    expect(code).toBe(0);
    expect(out).toMatch(/4 facts written, 0 updated, 0 rejected/);
    expect(out).toContain("dry run: nothing was written");
    const handle = openReadonly(db);
    expect(handle.prepare("SELECT count(*) FROM facts").pluck().get()).toBe(0);
    handle.close();
  });

  describe("a .zip archive or a folder", () => {
    it("imports every CSV inside a .zip into one dataset named after it, and leaves other entries out", async () => {
      const db = join(tempDir(), "zip.sqlite");
      const { code, out, err } = await run(fixture("comtrade-download.zip"), "--db", db);
      expect([code, err]).toEqual([0, ""]);
      expect(out).toContain("comtrade-download.zip/TradeData_2023_8486_854231.csv → dataset comtrade-download");
      expect(out).toContain("comtrade-download.zip/TradeData_2025_M.csv → dataset comtrade-download");
      expect(out).toMatch(/2 files → dataset comtrade-download: read 15 rows giving 18 facts: 18 facts written/);
      expect(out).not.toMatch(/README|__MACOSX/);
      expect(countFacts(db)).toEqual([{ dataset_id: "comtrade-download", n: 18 }]);
    });

    it("writes one report of a dry run over an archive, a part per file, and imports nothing", async () => {
      const db = join(tempDir(), "zip.sqlite");
      const report = join(tempDir(), "download.md");
      const { code, out } = await run(fixture("comtrade-download.zip"), "--dry-run", "--report", report, "--db", db);
      expect(code).toBe(0);
      expect(out).toContain(`report written to ${report} (markdown)`);
      const text = readFileSync(report, "utf8");
      expect(text).toContain("# Import report: comtrade-download.zip/TradeData_2023_8486_854231.csv");
      expect(text).toContain("# Import report: comtrade-download.zip/TradeData_2025_M.csv");
      expect(text).toMatch(/\| CHN \| 2023 \| 8486 \| 1 \| 0 \| 900,000,000 \| 0 \|/);
      expect(countFacts(db)).toEqual([]);
    });

    it("imports nothing when one file of the archive has an invalid row, naming that file, line and column", async () => {
      const db = join(tempDir(), "zip.sqlite");
      await run(example("facts.csv"), "--dataset", "before", "--db", db);
      const { code, out, err } = await run(fixture("comtrade-download-invalid.zip"), "--db", db);
      expect(code).toBe(1);
      expect(err).toContain(
        "comtrade-download-invalid.zip/TradeData_2023_bad.csv:2: column partnerCode: expected a UN M49 country code",
      );
      expect(err).toContain("comtrade-download-invalid.zip/TradeData_2023_bad.csv:3: column primaryValue");
      expect(out).toMatch(/TradeData_2023_8486_854231\.csv .*\nread 3 rows giving 6 facts: 0 facts written/);
      expect(out).toMatch(/nothing was imported: 2 rows have errors/);
      expect(countFacts(db)).toEqual([{ dataset_id: "before", n: 4 }]);
    });

    it("imports the matching files of a folder, one dataset per file on request, and --dry-run writes none", async () => {
      const folder = tempDir();
      cpSync(fixture("comtrade-plus-two-headings.csv"), join(folder, "TradeData_2023.csv"));
      cpSync(fixture("comtrade-monthly-uneven.csv"), join(folder, "TradeData_2025.csv"));
      cpSync(example("facts.csv"), join(folder, "notes.csv"));
      const db = join(tempDir(), "folder.sqlite");
      const dry = await run(folder, "--match", "TradeData_*.csv", "--dataset-per-file", "--dry-run", "--db", db);
      expect(dry.code).toBe(0);
      expect(dry.out).toMatch(/2 files → datasets tradedata-2023, tradedata-2025: read 15 rows giving 18 facts/);
      expect(dry.out).toContain("dry run: nothing was written");
      expect(countFacts(db)).toEqual([]);
      const { code, out } = await run(folder, "--match", "TradeData_*.csv", "--dataset-per-file", "--db", db);
      expect(code).toBe(0);
      expect(out).not.toContain("notes.csv");
      expect(countFacts(db)).toEqual([
        { dataset_id: "tradedata-2023", n: 6 },
        { dataset_id: "tradedata-2025", n: 12 },
      ]);
      const both = await run(folder, "--dataset", "all-files", "--replace", "--db", db);
      expect(both.out).toMatch(/3 files → dataset all-files: read 19 rows giving 22 facts: 22 facts written/);
      expect(countFacts(db, "dataset_id = 'all-files'")).toEqual([{ dataset_id: "all-files", n: 22 }]);
    });
  });
});

describe("npm run import -- --report", () => {
  /** The example Comtrade file in a folder of its own, and a database holding China's report of one of its flows. */
  async function setUp() {
    const dir = tempDir();
    const db = join(dir, "report.sqlite");
    const file = join(dir, "comtrade-plus.csv");
    cpSync(example("comtrade-plus.csv"), file);
    // China's imports of processors from Taiwan in 2023, as China reports them: 1.5 M USD, Taiwan says 1 M.
    const partner = join(dir, "china.csv");
    writeFileSync(
      partner,
      "reporter_code,partner_code,year,flow,classification,cmd,value_usd\n156,490,2023,M,H6,854231,1500000\n",
    );
    expect((await run(partner, "--dataset", "china-imports", "--db", db)).code).toBe(0);
    return { dir, db, file };
  }

  it("writes a dry run's report as Markdown: rows by reporter, year and HS code, rows left out, mirror conflicts", async () => {
    const { dir, db, file } = await setUp();
    const out = join(dir, "report.md");
    const result = await run(file, "--dataset", "taiwan", "--dry-run", "--report", out, "--db", db);
    expect([result.code, result.err]).toEqual([0, ""]);
    expect(result.out).toContain(`report written to ${out} (markdown)\n`);
    const report = readFileSync(out, "utf8").replaceAll(`${dir}/`, "");
    expect(report).toContain("| TWN | 2023 | 8542.31 | 1 | 3 | 0 | 1,000,000 |");
    expect(report).toContain("Pairs compared: 1; more than 10% apart: 1.");
    await expect(report).toMatchFileSnapshot("./output/import-report.md");
    const handle = openReadonly(db);
    expect(handle.prepare("SELECT DISTINCT dataset_id FROM facts").pluck().all()).toEqual(["china-imports"]);
    handle.close();
  });

  it("writes the same report as HTML for a .html file", async () => {
    const { dir, db, file } = await setUp();
    const out = join(dir, "report.html");
    const result = await run(file, "--dataset", "taiwan", "--dry-run", "--report", out, "--db", db);
    expect(result.code).toBe(0);
    expect(result.out).toContain("(html)");
    const report = readFileSync(out, "utf8").replaceAll(`${dir}/`, "");
    await expect(report).toMatchFileSnapshot("./output/import-report.html");
  });

  it("escapes whatever the file holds, in HTML and in Markdown", async () => {
    const dir = tempDir();
    const file = join(dir, "odd.csv");
    writeFileSync(
      file,
      "reporter_code,partner_code,year,flow,classification,cmd,value_usd\n" +
        '"<script>alert(1)</script>",490,2023,M,H6,854231,1\n156,490,2023,M,H6,"85|42 *x*",1\n',
    );
    const db = join(dir, "odd.sqlite");
    const html = await run(file, "--dry-run", "--report", join(dir, "odd.htm"), "--db", db);
    expect(html.code).toBe(1); // both rows are rejected
    const page = readFileSync(join(dir, "odd.htm"), "utf8");
    expect(page).not.toContain("<script>");
    expect(page).toContain("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    await run(file, "--dry-run", "--report", join(dir, "odd.md"), "--db", db);
    const markdown = readFileSync(join(dir, "odd.md"), "utf8");
    expect(markdown).toContain("| \\<script\\>alert(1)\\</script\\> |");
    expect(markdown).toContain("| 85\\|42 \\*x\\* |");
  });

  it("writes a report for a real import too, and for one refused for its rejected rows", async () => {
    const { dir, db, file } = await setUp();
    const imported = await run(file, "--dataset", "taiwan", "--report", join(dir, "imported.md"), "--db", db);
    expect(imported.code).toBe(0);
    expect(readFileSync(join(dir, "imported.md"), "utf8")).toContain(
      "- outcome: imported: 6 new facts, 0 already held",
    );
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "reporter_code,partner_code,year,flow,classification,cmd,value_usd\n156,999,2023,M,H6,854231,1\n",
    );
    const refused = await run(bad, "--report", join(dir, "refused.md"), "--db", db);
    expect(refused.code).toBe(1);
    const report = readFileSync(join(dir, "refused.md"), "utf8");
    expect(report).toContain("- outcome: refused: 1 rows fail the checks, so nothing was written");
    expect(report).toContain("| country | partner_code | 999 | 1 | 2 | rejected |");
  });

  it("refuses a report file that is not .md or .html, or whose folder does not exist", async () => {
    const dir = tempDir();
    const txt = await run(example("facts.csv"), "--dry-run", "--report", join(dir, "report.txt"));
    expect(txt.code).toBe(2);
    expect(txt.err).toContain("report.txt: expected a file ending in .md (Markdown) or .html (HTML)");
    const nowhere = await run(example("facts.csv"), "--dry-run", "--report", join(dir, "no", "report.md"));
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toMatch(/invalid --report .*report\.md: no folder .*no\n/);
  });
});
