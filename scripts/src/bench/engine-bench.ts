import { copySqliteToPostgres, openPostgresWritable, startPostgresCluster } from "@chipflow/db";
import { runQueryBenches, type QueryResult } from "./query-bench.js";

/** The query shapes at one size, on both engines holding the same facts. */
export interface EngineSize {
  facts: number;
  /** Seconds to copy the SQLite database into PostgreSQL (`copySqliteToPostgres`, what migrate-to-postgres runs). */
  copySeconds: number;
  /** Facts copied into PostgreSQL (the rollups and dimensions are copied too). */
  copiedFacts: number;
  sqlite: QueryResult[];
  postgres: QueryResult[];
}

export interface EngineResults {
  /** Where PostgreSQL ran: a throwaway server this run started, or the one at --pg-url. */
  server: "throwaway" | "given";
  postgresVersion: string;
  sizes: EngineSize[];
  /** Sizes asked for and not measured (the run was stopped, or is still going when a partial report is written). */
  pending: number[];
}

/** A PostgreSQL server to make scratch databases on: its maintenance URL, and how to let it go. */
export interface PostgresTarget {
  server: EngineResults["server"];
  adminUrl: string;
  /** Where the throwaway server's files are, when this run started one. */
  dir?: string;
  stop: () => void;
}

/**
 * The PostgreSQL server of the run: the one at `url` (its database is the maintenance database scratch databases
 * are created from), or else a throwaway server started in `tmp` (initdb in a temporary folder, removed by `stop`).
 */
export async function openPostgresTarget(url: string | undefined, tmp: string): Promise<PostgresTarget> {
  if (url) return { server: "given", adminUrl: url, stop: () => {} };
  const cluster = await startPostgresCluster({ tmp });
  return { server: "throwaway", adminUrl: cluster.urlOf("postgres"), dir: cluster.dir, stop: () => cluster.stop() };
}

/** Runs `sql` on the server's maintenance database, outside any transaction. */
function admin(adminUrl: string, sql: string): unknown {
  const handle = openPostgresWritable(adminUrl);
  try {
    return sql.startsWith("SELECT") ? handle.prepare(sql).pluck().get() : handle.exec(sql);
  } finally {
    handle.close();
  }
}

/** The server's version, as `server_version` says it. */
export const postgresVersion = (adminUrl: string) =>
  String(admin(adminUrl, "SELECT current_setting('server_version')"));

/**
 * A new database on the target, with the C collation chipflow needs (text sorted as in SQLite): its URL, and how to
 * drop it.
 */
export function createScratchDatabase(adminUrl: string, name: string): { url: string; drop: () => Promise<void> } {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => void admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * The query benchmark's shapes on SQLite (`sqlitePath`) and on a scratch PostgreSQL database that the same file is
 * copied into through `copySqliteToPostgres` (COPY, as `npm run migrate-to-postgres` does), each query asked of
 * both in turn. The scratch database is dropped after.
 */
export async function runEngineBench(
  target: PostgresTarget,
  sqlitePath: string,
  facts: number,
  samples: number,
  log: (line: string) => void,
): Promise<EngineSize> {
  const scratch = createScratchDatabase(target.adminUrl, `chipflow_bench_${process.pid}_${facts}`);
  try {
    log(`copying ${facts} facts into PostgreSQL (COPY)`);
    const started = performance.now();
    const counts = await copySqliteToPostgres(sqlitePath, scratch.url);
    const copySeconds = (performance.now() - started) / 1000;
    log(`copied in ${copySeconds.toFixed(0)} s; query shapes on SQLite and PostgreSQL, interleaved`);
    const [sqlite, postgres] = (await runQueryBenches([sqlitePath, scratch.url], samples)) as [
      QueryResult[],
      QueryResult[],
    ];
    return { facts, copySeconds, copiedFacts: counts.facts ?? 0, sqlite, postgres };
  } finally {
    await scratch.drop();
  }
}
