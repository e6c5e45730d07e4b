import pg from "pg";

/** A role name PostgreSQL takes unquoted: lower-case letters, digits and underscores. */
const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Creates (if missing) a login role that may only read the database at `url`: SELECT on its tables, now and on
 * tables created later. The API connects as this role. Needs a user allowed to create roles and grant on the schema.
 */
export async function createReaderRole(url: string, role: string): Promise<void> {
  if (!ROLE.test(role)) throw new Error(`invalid role name ${JSON.stringify(role)}: use letters, digits and _`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
    const database = client.escapeIdentifier(rows[0]!.name);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (exists.rowCount === 0) await client.query(`CREATE ROLE ${role} LOGIN`);
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${role}`);
  } finally {
    await client.end();
  }
}
