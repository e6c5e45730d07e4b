import { getCountry, isCountryCode, METRICS, METRIC_IDS, type Category, type Dimensions } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { DbDatasetRow } from "../rows.js";
import { countStaleRollups } from "../rollups/count-stale-rollups.js";
import { toDataset } from "./to-api.js";

/** Everything a client can filter and group on, and the period range the facts cover. */
export function listDimensions(db: ReadonlyDb): Dimensions {
  const d = dialectOf(db);
  const vendors = db
    .prepare(`SELECT slug AS id, name, hq_country AS "hqCountry", makes FROM vendors ORDER BY ${d.nocase("name")}`)
    .all() as Dimensions["vendors"];
  const products = (
    db
      .prepare(
        `SELECT p.slug AS id, v.slug AS "vendorId", p.name, p.category, p.hs_codes AS "hsCodes"
         FROM products p LEFT JOIN vendors v ON v.id = p.vendor_id
         ORDER BY ${d.nocase("v.name")} NULLS FIRST, ${d.nocase("p.name")}`,
      )
      .all() as { id: string; vendorId: string | null; name: string; category: Category; hsCodes: string | null }[]
  ).map((p) => ({ ...p, hsCodes: p.hsCodes ? p.hsCodes.split(";") : [] }));
  const countries = (
    db.prepare("SELECT iso3, name, region FROM countries ORDER BY name").all() as {
      iso3: string;
      name: string;
      region: string;
    }[]
  ).map((c) => ({ ...c, aliases: isCountryCode(c.iso3) ? [...getCountry(c.iso3).aliases] : [] }));
  const buyers = db
    .prepare(`SELECT slug AS id, name, country FROM buyers ORDER BY ${d.nocase("name")}`)
    .all() as Dimensions["buyers"];
  const datasets = (db.prepare("SELECT * FROM datasets ORDER BY priority DESC, id").all() as DbDatasetRow[]).map(
    toDataset,
  );
  // Every fact's period is among its dataset's rollup periods while the rollups are fresh: a few rows to read
  // rather than every fact (the latest end has no index: 0.8 s at 10M facts).
  const periods = countStaleRollups(db) === 0 ? "rollup_periods" : "facts";
  const range = db.prepare(`SELECT min(period_start) AS "from", max(period_end) AS "to" FROM ${periods}`).get() as {
    from: string | null;
    to: string | null;
  };
  return {
    vendors,
    products,
    countries,
    buyers,
    datasets,
    metrics: METRIC_IDS.map((id) => ({ id, ...METRICS[id] })),
    periodRange: range,
  };
}
