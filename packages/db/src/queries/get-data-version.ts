import { createHash } from "node:crypto";
import { dialectOf, type Dialect } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";

/**
 * A short string that changes whenever the data changes. Every import rewrites its dataset's row count and
 * import time, so the small datasets table (plus the events count) stands for the whole store: no scan of facts.
 * The country names count too, so that a renamed country is not served from a client's cache under its old name.
 * Used for ETags and to empty caches.
 */
export function getDataVersion(db: ReadonlyDb): string {
  const state = db
    .prepare(dataVersionSql(dialectOf(db)))
    .pluck()
    .get() as string | null;
  return hashDataVersion(state);
}

/** The statement whose one value `getDataVersion` hashes, in an engine's dialect. */
export function dataVersionSql(d: Dialect): string {
  const datasets = d.groupConcat("id || ':' || row_count || ':' || coalesce(imported_at, '')", {
    separator: "|",
    orderBy: "id",
  });
  const countries = d.groupConcat("iso3 || ':' || name", { separator: "|", orderBy: "iso3" });
  return `SELECT coalesce((SELECT ${datasets} FROM datasets), '') || '#' || (SELECT count(*) FROM events) || '#' ||
              coalesce((SELECT ${countries} FROM countries), '')`;
}

/** The data version of the state `dataVersionSql` read. */
export function hashDataVersion(state: string | null): string {
  return createHash("sha256")
    .update(state ?? "")
    .digest("base64url")
    .slice(0, 16);
}
