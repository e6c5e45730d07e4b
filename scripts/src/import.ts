/**
 * `npm run import -- <file | archive.zip | folder>`: imports chipflow CSV / JSON Lines or UN Comtrade files into the
 * database, all rows or none. A thin layer over `importFile` and `importFiles` in @chipflow/db; see docs/import.md.
 */
import { isDatasetId } from "@chipflow/core";
import {
  FORMAT_CHOICES,
  importFile,
  importFileIntoPostgres,
  importFilesIntoPostgres,
  importFiles,
  isPostgresUrl,
  isArchive,
  listImportInputs,
  openWritable,
  type FormatChoice,
  type ImportInputs,
  type ImportReport,
} from "@chipflow/db";
import { Command, Option } from "commander";
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { formatImportSummary, formatRowErrors, formatRunSummary } from "./cli/format-import-summary.js";
import { createProgress } from "./cli/progress-bar.js";
import { EXIT, parseProgram, UsageError } from "./cli/run-program.js";
import { DEFAULT_DB } from "./paths.js";
import { toReportFormat, writeImportReport, type ReportFormat } from "./report/write-import-report.js";

const EXAMPLES = `
Examples:
  npm run import -- data/examples/facts.csv --dataset my-estimates --title "My estimates"
  npm run import -- data/examples/facts.jsonl --dry-run
  npm run import -- TradeData_2024.csv --dry-run --report TradeData_2024.html
  npm run import -- TradeData_2024.csv --format comtrade --dataset comtrade-8542 \\
      --source "https://comtradeapi.un.org/data/v1/get/C/A/HS?cmdCode=854231"
  npm run import -- estimates.csv --replace --skip-invalid --db /tmp/chipflow.sqlite
  npm run import -- TradeData.zip --dataset comtrade-8542       # every CSV inside, one dataset, all or nothing
  npm run import -- downloads/ --match "TradeData_*.csv.gz" --dataset-per-file

A file with any invalid row imports nothing unless --skip-invalid; the import is one transaction, whatever the
number of files.
Exit codes: 0 imported (or dry run passed), 1 rejected or unreadable, 2 wrong command line.
`;

interface ImportFlags {
  format: FormatChoice;
  dataset?: string;
  title?: string;
  source?: string;
  replace?: boolean;
  dryRun?: boolean;
  skipInvalid?: boolean;
  keepBreakdowns?: boolean;
  datasetPerFile?: boolean;
  match?: string;
  report?: string;
  db: string;
}

function buildProgram(): Command {
  return new Command("npm run import --")
    .description(
      "Import facts: chipflow CSV or JSON Lines, UN Comtrade CSV (Comtrade+ or legacy) or Comtrade+ JSON, each maybe " +
        "gzipped; or every such file in a .zip or a folder.",
    )
    .argument("<file>", "the file, .zip archive or folder to import")
    .addOption(
      new Option("--format <format>", "the file's format; auto tells by its header")
        .choices(FORMAT_CHOICES)
        .default("auto"),
    )
    .option("--dataset <id>", "dataset to fill (lowercase letters, digits, dashes); default: from the file name")
    .option("--title <title>", "the dataset's title; default: the file name")
    .option("--source <url>", "URL the Comtrade facts cite (default https://comtradeplus.un.org/)")
    .option("--replace", "remove the dataset's facts first, so the file replaces it whole (default: upsert)")
    .option("--dry-run", "check and count everything, then write nothing")
    .option("--skip-invalid", "import the valid rows of a file with invalid ones (every skipped row is listed)")
    .option("--keep-breakdowns", "Comtrade: keep rows by customs procedure, transport mode or second partner")
    .option("--dataset-per-file", "a .zip or folder: one dataset per file, named after it (default: one for all)")
    .option("--match <pattern>", "a folder: only the files whose name matches, * and ? as wildcards")
    .option(
      "--report <file>",
      "also write a report (.md Markdown, .html HTML): rows by reporter, year and HS code, rows left out and why, " +
        "unmapped codes, conflicts with the partner's reports already stored",
    )
    .option(
      "--db <path or url>",
      "the SQLite file (created if missing), or a postgres:// URL (default: CHIPFLOW_DATABASE_URL if set)",
      process.env.CHIPFLOW_DATABASE_URL ?? DEFAULT_DB,
    )
    .addHelpText("after", EXAMPLES);
}

/** Checks the command line; returns the report's format when one is asked for. */
function checkFlags(file: string, flags: ImportFlags): ReportFormat | undefined {
  if (!existsSync(file)) throw new UsageError(`cannot read ${file}: no such file or folder`);
  const folder = statSync(file).isDirectory();
  if (!folder && !statSync(file).isFile()) throw new UsageError(`cannot read ${file}: not a regular file`);
  if (flags.match !== undefined && !folder)
    throw new UsageError(`--match picks files in a folder, and ${file} is not one: leave --match out`);
  if (flags.datasetPerFile && flags.dataset !== undefined)
    throw new UsageError("--dataset names the one dataset of all files: leave it out with --dataset-per-file");
  if (flags.dataset !== undefined && !isDatasetId(flags.dataset))
    throw new UsageError(`invalid --dataset ${flags.dataset}: expected lowercase letters, digits and dashes`);
  if (flags.source !== undefined && !/^https?:\/\/\S+$/.test(flags.source))
    throw new UsageError(`invalid --source ${flags.source}: expected an http(s) URL`);
  if (flags.report === undefined) return undefined;
  const format = toReportFormat(flags.report);
  if (!format)
    throw new UsageError(`invalid --report ${flags.report}: expected a file ending in .md (Markdown) or .html (HTML)`);
  const reportFolder = dirname(flags.report);
  if (!existsSync(reportFolder) || !statSync(reportFolder).isDirectory())
    throw new UsageError(`invalid --report ${flags.report}: no folder ${reportFolder}`);
  if (resolve(flags.report) === resolve(file))
    throw new UsageError(`invalid --report ${flags.report}: it is the file to import`);
  if (existsSync(flags.report) && statSync(flags.report).isDirectory())
    throw new UsageError(`invalid --report ${flags.report}: it is a folder`);
  return format;
}

/** Writes the import's report when one was asked for; false when it could not be written (said on stderr). */
function writeReport(io: CliIo, path: string | undefined, format: ReportFormat | undefined, reports: ImportReport[]) {
  if (!path || !format || reports.length === 0) return true;
  try {
    writeImportReport(path, reports, format);
  } catch (error) {
    io.stderr.write(`error: cannot write the report ${path}: ${(error as Error).message}\n`);
    return false;
  }
  io.stdout.write(`report written to ${path} (${format})\n`);
  return true;
}

/** Runs the import command; resolves with its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = await parseProgram(buildProgram(), argv, io);
  if (typeof parsed === "number") return parsed;
  const file = parsed.args[0]!;
  const flags = parsed.opts<ImportFlags>();
  let reportFormat: ReportFormat | undefined;
  try {
    reportFormat = checkFlags(file, flags);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n(run with --help for every option and examples)\n`);
    return EXIT.usage;
  }
  const many = statSync(file).isDirectory() || isArchive(file);
  const postgres = isPostgresUrl(flags.db);
  const db = postgres ? undefined : openWritable(flags.db);
  const options = {
    format: flags.format,
    dataset: { id: flags.dataset, title: flags.title },
    sourceUrl: flags.source,
    replace: flags.replace,
    dryRun: flags.dryRun,
    skipInvalid: flags.skipInvalid,
    keepBreakdowns: flags.keepBreakdowns,
  };
  const said = { dryRun: flags.dryRun ?? false, skipInvalid: flags.skipInvalid ?? false };
  let listed: ImportInputs | undefined;
  try {
    if (!many) {
      const progress = createProgress(io, statSync(file).size);
      const fileOptions = {
        ...options,
        report: reportFormat !== undefined,
        onProgress: ({ rows, bytes }: { rows: number; bytes: number }) => progress.update(bytes, rows),
      };
      const summary = await (
        db ? importFile(db, file, fileOptions) : importFileIntoPostgres(flags.db, file, fileOptions)
      ).finally(() => progress.stop());
      io.stderr.write(formatRowErrors(summary));
      io.stdout.write(formatImportSummary(summary, said));
      if (!writeReport(io, flags.report, reportFormat, summary.report ? [summary.report] : [])) return EXIT.rejected;
      return summary.rejected > 0 && !flags.skipInvalid ? EXIT.rejected : EXIT.ok;
    }
    listed = await listImportInputs(file, flags.match);
    if (listed.inputs.length === 0) {
      io.stderr.write(
        `error: ${file} holds no file to import${flags.match ? ` matching ${flags.match}` : ""}: ` +
          "expected .csv, .json, .jsonl, .ndjson or .xlsx files (maybe gzipped) or .zip archives of them\n",
      );
      return EXIT.usage;
    }
    const progress = createProgress(
      io,
      listed.inputs.reduce((s, i) => s + i.size, 0),
    );
    const runOptions = {
      ...options,
      report: reportFormat !== undefined,
      datasetPerFile: flags.datasetPerFile,
      onProgress: ({ rows, bytes }: { rows: number; bytes: number }) => progress.update(bytes, rows),
    };
    const run = await (
      db
        ? importFiles(db, file, listed.inputs, runOptions)
        : importFilesIntoPostgres(flags.db, file, listed.inputs, runOptions)
    ).finally(() => progress.stop());
    for (const summary of run.files) io.stderr.write(formatRowErrors(summary));
    io.stdout.write(formatRunSummary(run, said));
    const reports = run.files.flatMap((f) => (f.report ? [f.report] : []));
    if (!writeReport(io, flags.report, reportFormat, reports)) return EXIT.rejected;
    return run.rejected > 0 && !flags.skipInvalid ? EXIT.rejected : EXIT.ok;
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\nnothing was imported.\n`);
    return EXIT.rejected;
  } finally {
    listed?.close();
    db?.close();
  }
}

if (isMain(import.meta.url)) runMain(main);
