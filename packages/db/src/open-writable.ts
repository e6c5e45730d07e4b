import { openWritableRaw, type WritableDb } from "./handles.js";
import { migrate } from "./migrate.js";
import { upsertCountries } from "./write/upsert-countries.js";

/** Opens a database for writing, creating it if missing, and brings its schema and country list up to date. */
export function openWritable(path: string): WritableDb {
  const db = openWritableRaw(path);
  migrate(db);
  upsertCountries(db);
  return db;
}
