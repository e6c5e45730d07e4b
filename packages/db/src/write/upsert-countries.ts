import { COUNTRIES } from "@chipflow/core";
import type { WritableDb } from "../handles.js";

/** Writes the full country list (ISO 3166-1 plus WLD and ROW); cheap and idempotent. */
export function upsertCountries(db: WritableDb): void {
  const count = db.prepare("SELECT count(*) FROM countries").pluck().get() as number;
  if (count === COUNTRIES.length) return;
  const upsert = db.prepare(
    `INSERT INTO countries (iso3, m49, name, region, subregion) VALUES (@iso3, @m49, @name, @region, @subregion)
     ON CONFLICT (iso3) DO UPDATE SET m49 = excluded.m49, name = excluded.name, region = excluded.region,
       subregion = excluded.subregion`,
  );
  db.transaction(() => COUNTRIES.forEach((c) => upsert.run(c)))();
}
