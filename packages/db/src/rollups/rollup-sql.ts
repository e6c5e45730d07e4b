/**
 * The SQL that fills `fact_rollups` (migrations 003, 008 and 014) from `facts`. Two grains: `vd` (vendor × destination
 * × category) and `vp` (vendor × product × category), each per dataset, metric and exact period. A row is `simple` when
 * adding its facts is exactly what the aggregation rules would do: every fact names the grain's dimensions but the
 * vendor, and the two inner ones (so any two facts differ in a dimension both name, and are disjoint), no two facts
 * share their inner dimensions (no competing estimates), no fact has a fiscal period label, and every figure is a whole
 * number (so sums are exact in any order). The facts of a row name one vendor, or all name none (customs figures,
 * country totals); a row of no vendor that meets a vendor's row is no longer simple once read (see `rollupCube`).
 * Queries use only simple rows; anything else goes the exact way.
 */
import { sqliteDialect, type Dialect } from "../dialect/dialect.js";

/** A fact's kind as a rank (a forecast 1, an estimate 2, reported 3) and its confidence (low 1 to high 3, or NULL). */
export const KIND_RANK = "CASE f.estimate_kind WHEN 'reported' THEN 3 WHEN 'estimate' THEN 2 ELSE 1 END";
export const CONFIDENCE_RANK = "CASE f.confidence WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 END";
const placed = (c: string) => `(f.${c} IS NOT NULL AND f.${c} <> 'WLD')`;
const whole = (c: string) => `(f.${c} IS NULL OR f.${c} = round(f.${c}))`;

interface Grain {
  grain: "vd" | "vp";
  keys: string[];
  inner: [string, string];
}

const GRAINS: Grain[] = [
  // Category is a key of both grains, so a query of units can tell which product categories its cells count.
  { grain: "vd", keys: ["vendor_id", "destination", "category"], inner: ["product_id", "origin"] },
  { grain: "vp", keys: ["vendor_id", "product_id", "category"], inner: ["origin", "destination"] },
];

const named = (c: string) => (c === "origin" || c === "destination" ? placed(c) : `f.${c} IS NOT NULL`);

function insertSql(d: Dialect, g: Grain, where: string): string {
  const all = ["vendor_id", "product_id", "category", "destination"];
  const columns = all.map((c) => (g.keys.includes(c) ? `f.${c}` : "NULL"));
  // The vendor is the one key a row's facts may leave open: grouped by it, they then all name none, and are apart
  // from each other by their inner dimensions as a vendor's are.
  const simple = [...g.keys.filter((c) => c !== "vendor_id"), ...g.inner]
    .map(named)
    .concat("f.period_label IS NULL", ...["value", "low", "high"].map(whole));
  return `INSERT INTO fact_rollups (grain, dataset_id, metric, vendor_id, product_id, category, destination,
      period_start, period_end, granularity, fact_count, value_sum, value_nulls, low_sum, high_sum, abs_sum,
      kind_rank, confidence_rank, source_ids, simple)
    SELECT '${g.grain}', f.dataset_id, f.metric, ${columns.join(", ")},
      f.period_start, f.period_end, f.granularity, count(*), sum(f.value), count(*) - count(f.value),
      ${d.total("coalesce(f.low, f.value)")}, ${d.total("coalesce(f.high, f.value)")},
      ${d.total("abs(coalesce(f.value, 0)) + abs(coalesce(f.low, f.value, 0)) + abs(coalesce(f.high, f.value, 0))")},
      min(${KIND_RANK}), min(${CONFIDENCE_RANK}), ${d.groupConcat("f.source_id", { distinct: true })},
      ${d.toInteger(`${d.every(simple.join(" AND "))} AND count(*) = count(DISTINCT f.${g.inner[0]} || '|' || f.${g.inner[1]})`)}
    FROM facts f ${where}
    GROUP BY f.dataset_id, f.metric, ${g.keys.map((c) => `f.${c}`).join(", ")}, f.period_start, f.period_end,
      f.granularity`;
}

/**
 * The statements that rebuild one dataset's rollups (bound parameter: the dataset id, once per statement). `scan`:
 * SQLite reads the whole table in order rather than the dataset's entries of an index, one lookup each: faster
 * when the dataset is most of the table (a 1M-fact dataset alone: 10 s rather than 17 s).
 */
export const rebuildSql = (d: Dialect, scan = false): string[] => [
  "DELETE FROM fact_rollups WHERE dataset_id = ?",
  "DELETE FROM rollup_periods WHERE dataset_id = ?",
  "DELETE FROM rollup_markers WHERE dataset_id = ?",
  ...GRAINS.map((g) => insertSql(d, g, `${scan ? d.indexedBy(null) : ""} WHERE f.dataset_id = ?`)),
  "INSERT INTO rollup_periods SELECT DISTINCT dataset_id, period_start, period_end FROM fact_rollups WHERE grain = 'vd' AND dataset_id = ?",
  "INSERT INTO rollup_markers SELECT id, row_count, imported_at FROM datasets WHERE id = ?",
];

/** The datasets whose rollups migration 014 builds again: those with rows of no vendor (a table the migration makes). */
const VENDORLESS = "SELECT dataset_id FROM vendorless_datasets";

/**
 * Migration 014's statements, on each engine (kept in step by a test): rows of no vendor can be simple since it, so
 * the rollups of the datasets that hold such rows are built again.
 */
export const rebuildVendorlessSql = (d: Dialect): string[] => [
  ...GRAINS.map((g) => insertSql(d, g, `WHERE f.dataset_id IN (${VENDORLESS})`)),
  `INSERT INTO rollup_periods SELECT DISTINCT dataset_id, period_start, period_end FROM fact_rollups
    WHERE grain = 'vd' AND dataset_id IN (${VENDORLESS})`,
  `INSERT INTO rollup_markers SELECT id, row_count, imported_at FROM datasets WHERE id IN (${VENDORLESS})`,
];

export const REBUILD_SQL = rebuildSql(sqliteDialect);
export const REBUILD_SCAN_SQL = rebuildSql(sqliteDialect, true);
