import { COUNTRIES } from "@chipflow/core";
import type { WritableDb } from "../handles.js";

interface CountryRow {
  iso3: string;
  m49: string | null;
  name: string;
  region: string;
  subregion: string;
}

const rowOf = ({ iso3, m49, name, region, subregion }: CountryRow): CountryRow => ({
  iso3,
  m49,
  name,
  region,
  subregion,
});

/**
 * Writes the full country list (ISO 3166-1 plus WLD and ROW) when the stored one differs from it in any row, so a
 * database made before a country's name changed shows the new name; cheap and idempotent.
 */
export function upsertCountries(db: WritableDb): void {
  const stored = new Map(
    (db.prepare("SELECT iso3, m49, name, region, subregion FROM countries").all() as CountryRow[]).map((r) => [
      r.iso3,
      JSON.stringify(rowOf(r)),
    ]),
  );
  const changed = COUNTRIES.map(rowOf).filter((c) => stored.get(c.iso3) !== JSON.stringify(c));
  if (changed.length === 0) return;
  const upsert = db.prepare(
    `INSERT INTO countries (iso3, m49, name, region, subregion) VALUES (@iso3, @m49, @name, @region, @subregion)
     ON CONFLICT (iso3) DO UPDATE SET m49 = excluded.m49, name = excluded.name, region = excluded.region,
       subregion = excluded.subregion`,
  );
  db.transaction(() => changed.forEach((c) => upsert.run(c)))();
}
