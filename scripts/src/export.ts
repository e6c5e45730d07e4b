/**
 * `npm run export -- --out <file>`: writes the facts matching the filters as chipflow CSV (exactly `FACT_COLUMNS`,
 * importable again unchanged), JSON Lines, an Excel workbook or Parquet. A thin layer over `exportFacts` in
 * @chipflow/db; see docs/import.md.
 */
import { factFilterSchema, keyword, METRIC_IDS, type Metric } from "@chipflow/core";
import {
  exportFacts,
  isPostgresUrl,
  openReadonlyAt,
  toExportFormat,
  type ExportFormat,
  type FactsFilter,
} from "@chipflow/db";
import { Command, Option } from "commander";
import { existsSync } from "node:fs";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram, toList, UsageError } from "./cli/run-program.js";
import { DEFAULT_DB } from "./paths.js";

const EXAMPLES = `
Examples:
  npm run export -- --out facts.csv
  npm run export -- --vendor nvidia --destination CHN --from 2024-01-01 --to 2024-12-31 --out nvidia-china.csv
  npm run export -- --dataset comtrade-8542 --metric revenue_usd,units --out comtrade.jsonl
  npm run export -- --vendor nvidia --out nvidia.xlsx              # Excel: a data sheet and a sources sheet
  npm run export -- --format parquet --out facts.parquet           # Parquet: typed columns, for pandas or DuckDB

Lists are comma-separated. Vendors, products, buyers and datasets are ids (slugs) as the API uses them; origin and
destination are ISO 3166-1 alpha-3 codes (or WLD, ROW). The CSV has exactly the columns the importer reads; Parquet
has the same columns, typed (dates, doubles, text; blanks are nulls).
`;

const FILTERS = ["vendor", "product", "category", "origin", "destination", "buyer", "dataset"] as const;

type ExportFlags = Partial<Record<(typeof FILTERS)[number] | "metric" | "from" | "to", string>> & {
  out: string;
  format?: ExportFormat;
  db: string;
};

function buildProgram(): Command {
  const program = new Command("npm run export --").description(
    "Export facts as chipflow CSV, JSON Lines, Excel or Parquet, filtered like the API's facts.",
  );
  for (const f of FILTERS) program.option(`--${f} <list>`, `only these ${f === "category" ? "categories" : `${f}s`}`);
  return program
    .option("--metric <list>", `only these metrics (${METRIC_IDS.join(", ")})`)
    .option("--from <date>", "facts whose period ends on or after YYYY-MM-DD")
    .option("--to <date>", "facts whose period starts on or before YYYY-MM-DD")
    .requiredOption(
      "--out <file>",
      "the file to write (.csv, .jsonl for JSON Lines, .xlsx for Excel, .parquet for Parquet)",
    )
    .addOption(
      new Option("--format <format>", "default: from the file extension").choices(["csv", "jsonl", "xlsx", "parquet"]),
    )
    .option(
      "--db <path or url>",
      "the SQLite file, or a postgres:// URL (default: CHIPFLOW_DATABASE_URL if set)",
      process.env.CHIPFLOW_DATABASE_URL ?? DEFAULT_DB,
    )
    .addHelpText("after", EXAMPLES);
}

function toFilter(flags: ExportFlags): FactsFilter {
  const parsed = factFilterSchema.safeParse({
    ...Object.fromEntries(FILTERS.map((f) => [f, flags[f]])),
    from: flags.from,
    to: flags.to,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "filter");
    throw new UsageError(`invalid --${name} ${String(flags[name as keyof ExportFlags] ?? "")}: ${issue.message}`);
  }
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to)
    throw new UsageError("invalid --from: it must be on or before --to");
  const metric = toList(flags.metric).map((m) => keyword<Metric>(m, "--metric", METRIC_IDS));
  return { ...parsed.data, metric };
}

/** Runs the export command; resolves with its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = await parseProgram(buildProgram(), argv, io);
  if (typeof parsed === "number") return parsed;
  const flags = parsed.opts<ExportFlags>();
  let filter: FactsFilter;
  try {
    filter = toFilter(flags);
    if (!isPostgresUrl(flags.db) && !existsSync(flags.db))
      throw new UsageError(`no database at ${flags.db}: run npm start or npm run import first`);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n(run with --help for every option and examples)\n`);
    return EXIT.usage;
  }
  const db = openReadonlyAt(flags.db);
  try {
    const started = performance.now();
    const { count, format } = await exportFacts(db, filter, flags.out, flags.format ?? toExportFormat(flags.out));
    const seconds = (performance.now() - started) / 1000;
    io.stdout.write(`wrote ${count} facts to ${flags.out} (${format}) in ${seconds.toFixed(2)} s\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.rejected;
  } finally {
    db.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
