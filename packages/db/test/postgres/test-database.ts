import pg from "pg";
import { inject } from "vitest";

let count = 0;

/**
 * A new, empty database on the run's throwaway server (or a copy of `template`), for one test file: its URL.
 * The server and every database on it are removed after the run.
 */
export async function createTestDatabase(template?: string): Promise<string> {
  const admin = new URL(inject("postgresAdminUrl"));
  const name = `t_${process.pid}_${Date.now().toString(36)}_${++count}`;
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.href;
}
