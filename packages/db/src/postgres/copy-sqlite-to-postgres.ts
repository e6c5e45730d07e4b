import Database from "better-sqlite3";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { openPostgresWritable } from "../handles.js";
import { listMigrations, migrate } from "../migrate.js";
import { toCsvField } from "./to-csv-field.js";

/** Every table of the store, parents before children (schema_migrations is the target's own). */
export const COPIED_TABLES = [
  "countries",
  "vendors",
  "products",
  "buyers",
  "sources",
  "datasets",
  "facts",
  "events",
  "fact_rollups",
  "rollup_periods",
  "rollup_markers",
  "rollup_cubes",
] as const;

export interface CopyOptions {
  /** Empty the target's tables first; without it, a target that holds data is refused. */
  replace?: boolean;
  /** Told each table's row count as it is copied. */
  onTable?: (table: string, rows: number) => void;
}

/** Bytes of CSV handed to COPY at a time. */
const CHUNK = 256 * 1024;

/** A SQLite table's rows, in the target's column order, as CSV text in chunks. */
function* csvChunks(source: Database.Database, table: string, columns: string[], count: { rows: number }) {
  const rows = source
    .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM ${table}`)
    .raw()
    .iterate() as IterableIterator<unknown[]>;
  let chunk = "";
  for (const row of rows) {
    chunk += row.map(toCsvField).join(",") + "\n";
    count.rows++;
    if (chunk.length >= CHUNK) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/**
 * Copies a chipflow SQLite database into PostgreSQL: migrates the target to the same schema, then streams every
 * table through `COPY … FROM STDIN`, all in one transaction (a failure leaves the target as it was), sets each
 * identity past the largest id copied and updates the planner's statistics. Returns each table's row count.
 */
export async function copySqliteToPostgres(
  sqlitePath: string,
  url: string,
  { replace = false, onTable }: CopyOptions = {},
): Promise<Record<string, number>> {
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  try {
    const version = source.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number | null;
    const latest = listMigrations().length;
    if (version !== latest)
      throw new Error(
        `${sqlitePath} is at schema version ${version ?? 0}, not ${latest}: open it once with this chipflow (npm run import) to migrate it first`,
      );
    const target = openPostgresWritable(url);
    try {
      migrate(target);
    } finally {
      target.close();
    }
    const client = new pg.Client({ connectionString: url, application_name: "chipflow migrate-to-postgres" });
    await client.connect();
    try {
      await client.query("BEGIN");
      // Committed durably whatever the server's default: on disk when the run says it is.
      await client.query("SET LOCAL synchronous_commit = on");
      if (replace) await client.query(`TRUNCATE ${COPIED_TABLES.join(", ")}`);
      else {
        const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM datasets");
        if (Number(rows[0]!.n) > 0)
          throw new Error(`the target already holds ${rows[0]!.n} datasets: run with --replace to replace them`);
      }
      const counts: Record<string, number> = {};
      for (const table of COPIED_TABLES) {
        const { rows } = await client.query<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
          [table],
        );
        const columns = rows.map((r) => r.name);
        const count = { rows: 0 };
        await pipeline(
          Readable.from(csvChunks(source, table, columns, count)),
          client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN WITH (FORMAT csv)`)),
        );
        counts[table] = count.rows;
        onTable?.(table, count.rows);
        if (columns.includes("id") && table !== "countries" && table !== "datasets")
          await client.query(
            `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
          );
      }
      await client.query("COMMIT");
      // Vacuumed as well as analysed: until the visibility map marks the copied pages all-visible, the planner
      // prices an index-only scan of the covering vendor index as a heap scan, and a flow read every vendor's
      // facts of its years through the period index (at 1M facts 23-36 ms a vendor's year rather than 4-8 ms).
      await client.query(`VACUUM (ANALYZE) ${COPIED_TABLES.join(", ")}`);
      return counts;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      await client.end();
    }
  } finally {
    source.close();
  }
}
