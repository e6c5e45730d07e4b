import { openWritableRaw, type WritableDb } from "./handles.js";
import { migrate } from "./migrate.js";
import { storeMissingRollupCubes } from "./rollups/rebuild-rollups.js";
import { upsertCountries } from "./write/upsert-countries.js";

/**
 * Opens a database for writing, creating it if missing, and brings its schema, its country list and its stored
 * rollups (for a database made before they were stored) up to date.
 */
export function openWritable(path: string): WritableDb {
  const db = openWritableRaw(path);
  migrate(db);
  upsertCountries(db);
  storeMissingRollupCubes(db);
  return db;
}
