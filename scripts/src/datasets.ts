/**
 * `npm run datasets -- list | show <id> | rename <id> <new> | remove <id> | verify`: see, rename, remove and check
 * the datasets of a database without touching SQLite by hand. `--json` on each for scripts. A thin layer over
 * `manage-datasets` in @chipflow/db.
 */
import {
  findDatasetCoverage,
  listDatasetEntries,
  openReadonly,
  openWritable,
  removeDataset,
  renameDataset,
  verifyDatabase,
  type DatasetEntry,
} from "@chipflow/db";
import { Command } from "commander";
import { existsSync } from "node:fs";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram } from "./cli/run-program.js";
import { DEFAULT_DB } from "./paths.js";

const EXAMPLES = `
Examples:
  npm run datasets -- list
  npm run datasets -- show comtrade-china-imports-by-partner
  npm run datasets -- rename my-estimates analyst-estimates-2025
  npm run datasets -- remove analyst-estimates-2025 --db /tmp/chipflow.sqlite
  npm run datasets -- verify --json

Exit codes: 0 done, 1 no such dataset or the check failed, 2 wrong command line.
`;

/** Rows of text cells as aligned columns, the first row a header. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join("  ")
          .trimEnd(),
      )
      .join("\n") + "\n"
  );
}

const periods = (d: DatasetEntry) => (d.firstPeriod ? `${d.firstPeriod}..${d.lastPeriod}` : "-");

type Run = (io: CliIo, db: string, json: boolean) => number;

const COMMANDS = ["list", "show", "rename", "remove", "verify"];

function buildProgram(set: (run: Run) => void): Command {
  const program = new Command("npm run datasets --")
    .description("See, rename, remove and check the datasets of a chipflow database.")
    .option("--db <path>", "the SQLite file", DEFAULT_DB)
    .option("--json", "answer in JSON, for scripts")
    .addHelpText("after", EXAMPLES);
  program
    .command("list")
    .description("every dataset: kind, facts, periods, checksum, import time, main source")
    .action(() =>
      set((io, db, json) => {
        const entries = using(openReadonly(db), listDatasetEntries);
        if (json) io.stdout.write(JSON.stringify(entries, null, 2) + "\n");
        else
          io.stdout.write(
            table([
              ["id", "kind", "facts", "periods", "checksum", "imported", "main source"],
              ...entries.map((d) => [
                d.id,
                d.kind,
                String(d.facts),
                periods(d),
                d.checksum?.slice(0, 12) ?? "-",
                d.importedAt ?? "-",
                d.mainPublisher ?? "-",
              ]),
            ]),
          );
        return EXIT.ok;
      }),
    );
  program
    .command("show <id>")
    .description("one dataset and its coverage: facts per metric and year")
    .action((id: string) =>
      set((io, db, json) => {
        const coverage = using(openReadonly(db), (handle) => findDatasetCoverage(handle, id));
        if (json) return (io.stdout.write(JSON.stringify(coverage, null, 2) + "\n"), EXIT.ok);
        const d = coverage.dataset;
        io.stdout.write(
          `${d.id}: ${d.title} (${d.kind})\n${d.facts} facts from ${d.rows} rows, ${periods(d)}, ` +
            `${d.sources} sources (mostly ${d.mainPublisher ?? "-"})\nfile checksum ${d.checksum ?? "-"}, ` +
            `imported ${d.importedAt ?? "-"} (${d.format ?? "-"})\n\n`,
        );
        io.stdout.write(
          table([
            ["metric", "facts", ...coverage.years],
            ...coverage.metrics.map((m) => [
              m.metric,
              String(m.facts),
              ...coverage.years.map((y) => String(m.byYear[y] ?? "-")),
            ]),
          ]),
        );
        return EXIT.ok;
      }),
    );
  program
    .command("rename <id> <new>")
    .description("give a dataset another id (one transaction; the API sees it at its next request)")
    .action((id: string, to: string) =>
      set((io, db, json) => {
        using(openWritable(db), (handle) => renameDataset(handle, id, to));
        io.stdout.write(json ? JSON.stringify({ renamed: id, to }) + "\n" : `renamed ${id} to ${to}\n`);
        return EXIT.ok;
      }),
    );
  program
    .command("remove <id>")
    .description("remove a dataset, its facts and the sources nothing else cites (one transaction)")
    .action((id: string) =>
      set((io, db, json) => {
        const removed = using(openWritable(db), (handle) => removeDataset(handle, id));
        io.stdout.write(
          json
            ? JSON.stringify({ removed: id, ...removed }) + "\n"
            : `removed ${id}: ${removed.facts} facts, ${removed.sources} sources no longer cited\n`,
        );
        return EXIT.ok;
      }),
    );
  program
    .command("verify")
    .description("check the file (integrity_check, foreign keys) and work out each dataset's content digest")
    .action(() =>
      set((io, db, json) => {
        const report = using(openReadonly(db), verifyDatabase);
        const ok = report.integrity.join() === "ok" && report.foreignKeyViolations === 0;
        if (json) io.stdout.write(JSON.stringify({ ok, ...report }, null, 2) + "\n");
        else {
          io.stdout.write(
            `integrity_check: ${report.integrity.join("; ")}\nforeign keys: ${report.foreignKeyViolations} violations\n\n`,
          );
          io.stdout.write(
            table([
              ["dataset", "facts", "content digest (sha256)"],
              ...report.datasets.map((d) => [d.id, String(d.facts), d.digest]),
            ]),
          );
        }
        return ok ? EXIT.ok : EXIT.rejected;
      }),
    );
  return program;
}

/** Runs `work` on a database handle, closing it afterwards. */
function using<H extends { close(): unknown }, T>(handle: H, work: (handle: H) => T): T {
  try {
    return work(handle);
  } finally {
    handle.close();
  }
}

/** Runs the datasets command; resolves with its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  if (!argv.some((a) => COMMANDS.includes(a) || a === "--help" || a === "-h")) {
    io.stderr.write(
      `error: name a command: list, show <id>, rename <id> <new>, remove <id> or verify\n(run with --help for examples)\n`,
    );
    return EXIT.usage;
  }
  let run: Run | undefined;
  const program = buildProgram((r) => (run = r));
  const parsed = await parseProgram(program, argv, io);
  if (typeof parsed === "number") return parsed;
  if (!run) return EXIT.usage;
  const { db, json } = parsed.opts<{ db: string; json?: boolean }>();
  if (!existsSync(db)) {
    io.stderr.write(`error: no database at ${db}: run npm start (or npm run seed) first, or give --db\n`);
    return EXIT.rejected;
  }
  try {
    return run(io, db, json ?? false);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.rejected;
  }
}

if (isMain(import.meta.url)) runMain(main);
