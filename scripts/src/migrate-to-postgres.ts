/**
 * `npm run migrate-to-postgres -- --from data/chipflow.sqlite --to postgres://…`: copies a chipflow SQLite database
 * into PostgreSQL (schema migrated first, every table through COPY in one transaction). A thin layer over
 * `copySqliteToPostgres` in @chipflow/db; see docs/scaling.md.
 */
import { copySqliteToPostgres, createReaderRole, isPostgresUrl } from "@chipflow/db";
import { Command } from "commander";
import { existsSync } from "node:fs";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram, UsageError } from "./cli/run-program.js";
import { DEFAULT_DB } from "./paths.js";

const EXAMPLES = `
Examples:
  npm run migrate-to-postgres -- --to postgres://chipflow@localhost/chipflow
  npm run migrate-to-postgres -- --from data/chipflow.sqlite --to postgres://localhost/chipflow --replace --reader chipflow_reader

The target database must exist (createdb chipflow), created with the C collation so that text sorts as in SQLite
(createdb --locale=C --template=template0 chipflow). Then start the API with CHIPFLOW_DATABASE_URL set to the
reader's URL (postgres://chipflow_reader@localhost/chipflow).
`;

interface Flags {
  from: string;
  to?: string;
  replace?: boolean;
  reader?: string;
}

function buildProgram(): Command {
  return new Command("npm run migrate-to-postgres --")
    .description("Copy a chipflow SQLite database into PostgreSQL, in one transaction.")
    .option("--from <path>", "the SQLite file", DEFAULT_DB)
    .option("--to <url>", "the PostgreSQL database (default: CHIPFLOW_DATABASE_URL)")
    .option("--replace", "empty the target's tables first (else a target holding data is refused)")
    .option("--reader <role>", "also create this login role, allowed only to read (SELECT), for the API")
    .addHelpText("after", EXAMPLES);
}

/** Runs the command; resolves with its exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = await parseProgram(buildProgram(), argv, io);
  if (typeof parsed === "number") return parsed;
  const flags = parsed.opts<Flags>();
  const to = flags.to ?? process.env.CHIPFLOW_DATABASE_URL ?? "";
  try {
    if (!isPostgresUrl(to)) throw new UsageError(`invalid --to ${JSON.stringify(to)}: expected postgres://…`);
    if (!existsSync(flags.from))
      throw new UsageError(`no database at ${flags.from}: run npm start or npm run import first`);
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n(run with --help for every option and examples)\n`);
    return EXIT.usage;
  }
  const started = performance.now();
  try {
    const counts = await copySqliteToPostgres(flags.from, to, { replace: flags.replace ?? false });
    if (flags.reader) await createReaderRole(to, flags.reader);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const tables = Object.entries(counts).map(([t, n]) => `${t} ${n}`);
    io.stdout.write(`copied ${flags.from} to PostgreSQL in ${seconds} s: ${tables.join(", ")}\n`);
    if (flags.reader) io.stdout.write(`role ${flags.reader} may read (SELECT) and nothing else\n`);
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n`);
    return EXIT.rejected;
  }
}

if (isMain(import.meta.url)) runMain(main);
