/**
 * `npm run seed -- [--db <path>] [--force]`: creates the database from the curated files in data/ (or migrates an
 * existing one). `--force` deletes the file first, to rebuild it after data/ changed. A thin layer over
 * `ensureSeededDatabase` in @chipflow/db.
 */
import { ensureSeededDatabase } from "@chipflow/db";
import { Command } from "commander";
import { rmSync } from "node:fs";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram } from "./cli/run-program.js";
import { DATA_DIR, DEFAULT_DB } from "./paths.js";

function buildProgram(): Command {
  return new Command("npm run seed --")
    .description("Create (or migrate) the chipflow database from the curated files in data/.")
    .option("--db <path>", "the SQLite file", DEFAULT_DB)
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
  if (flags.force) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${flags.db}${suffix}`, { force: true });
  try {
    const summary = await ensureSeededDatabase(flags.db, flags.data);
    if (!summary) {
      io.stdout.write(`${flags.db} exists: schema brought up to date, data left as it is (--force to rebuild)\n`);
    } else {
      const facts = summary.datasets.reduce((n, d) => n + d.inserted, 0);
      io.stdout.write(
        `created ${flags.db}: ${summary.datasets.length} datasets, ${facts} facts, ${summary.events} events\n`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.rejected;
  }
}

if (isMain(import.meta.url)) runMain(main);
