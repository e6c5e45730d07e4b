import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What `npm test` says when the PostgreSQL server programs are missing. */
export const POSTGRES_MISSING = "PostgreSQL is not installed: run `sudo apt-get install postgresql`";

/** The newest PostgreSQL server programs Debian installed (`/usr/lib/postgresql/<version>/bin`), or null. */
export function findPostgresBin(root = "/usr/lib/postgresql"): string | null {
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A throwaway PostgreSQL server: its superuser's URL for a database, and how to remove it. */
export interface PostgresCluster {
  /** The temporary folder holding the server's files and socket. */
  dir: string;
  urlOf(database: string): string;
  stop(): void;
}

export interface PostgresClusterOptions {
  /** Where Debian installs the server programs; `/usr/lib/postgresql` unless told. */
  root?: string;
  /** The folder the server's temporary folder is made in; the system's temporary folder unless told. */
  tmp?: string;
}

/**
 * Starts a throwaway PostgreSQL server in a temporary folder, on a free port, trusting local connections, with
 * byte-order collation (SQLite's order of text); `stop` removes the folder. Used by the tests and by
 * `npm run bench -- --engine postgres`. initdb refuses to run as root, so as root it runs as `postgres`.
 */
export async function startPostgresCluster({ root, tmp }: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin(root);
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmp ?? tmpdir(), "chipflow-pg-"));
  chmodSync(dir, 0o777);
  const asRoot = process.getuid?.() === 0;
  const run = (program: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, program), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, program), args, { stdio: "pipe" });
  const data = join(dir, "data");
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--locale=C", "-E", "UTF8", "--no-sync"]);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-o", settings, "-l", join(dir, "server.log"), "-w", "start"]);
  return {
    dir,
    urlOf: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
