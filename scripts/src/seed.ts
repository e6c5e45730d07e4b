/**
 * `npm run seed -- [--db <path or url>] [--force]`: creates the database from the curated files in data/ (or migrates
 * an existing one). `--force` deletes the file first, to rebuild it after data/ changed. `--db` (or
 * CHIPFLOW_DATABASE_URL) may name a PostgreSQL database instead. A thin layer over `ensureSeededDatabase` and
 * `ensureSeededPostgres` in @chipflow/db.
 */
import { ensureSeededDatabase, ensureSeededPostgres, isPostgresUrl } from "@chipflow/db";
import { Command } from "commander";
import { rmSync } from "node:fs";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram } from "./cli/run-program.js";
import { DATA_DIR, DEFAULT_DB } from "./paths.js";

function buildProgram(): Command {
  return new Command("npm run seed --")
    .description("Create (or migrate) the chipflow database from the curated files in data/.")
    .option(
      "--db <path or url>",
      "the SQLite file, or a postgres:// URL (default: CHIPFLOW_DATABASE_URL if set)",
      process.env.CHIPFLOW_DATABASE_URL ?? DEFAULT_DB,
    )
    .option("--data <dir>", "the folder of curated files", DATA_DIR)
    .option("--force", "delete the database first and build it anew")
    .addHelpText(
      "after",
      "\nExamples:\n  npm run seed\n  npm run seed -- --force\n  npm run seed -- --db /tmp/chipflow.sqlite\n",
    );
}

/** Runs the seed command; resolves with its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = await parseProgram(buildProgram(), argv, io);
  if (typeof parsed === "number") return parsed;
  const flags = parsed.opts<{ db: string; data: string; force?: boolean }>();
  const postgres = isPostgresUrl(flags.db);
  // Never print a password: a PostgreSQL database is named by its host and name.
  const name = postgres ? `PostgreSQL ${new URL(flags.db).host}${new URL(flags.db).pathname}` : flags.db;
  if (flags.force && !postgres)
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${flags.db}${suffix}`, { force: true });
  try {
    const summary = postgres
      ? await ensureSeededPostgres(flags.db, flags.data, { force: flags.force ?? false })
      : await ensureSeededDatabase(flags.db, flags.data);
    if (!summary) {
      io.stdout.write(`${name} exists: schema brought up to date, data left as it is (--force to rebuild)\n`);
    } else {
      const facts = summary.datasets.reduce((n, d) => n + d.inserted, 0);
      io.stdout.write(
        `created ${name}: ${summary.datasets.length} datasets, ${facts} facts, ${summary.events} events\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.rejected;
  }
}

if (isMain(import.meta.url)) runMain(main);
