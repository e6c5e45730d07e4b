import { createHash } from "node:crypto";
import type { ReadonlyDb } from "../handles.js";

/**
 * A short string that changes whenever the data changes. Every import rewrites its dataset's row count and
 * import time, so the small datasets table (plus the events count) stands for the whole store: no scan of facts.
 * The country names count too, so that a renamed country is not served from a client's cache under its old name.
 * Used for ETags and to empty caches.
 */
export function getDataVersion(db: ReadonlyDb): string {
  const state = db
    .prepare(
      `SELECT ifnull((SELECT group_concat(id || ':' || row_count || ':' || ifnull(imported_at, ''), '|') FROM
                (SELECT * FROM datasets ORDER BY id)), '') || '#' || (SELECT count(*) FROM events) || '#' ||
              ifnull((SELECT group_concat(iso3 || ':' || name, '|') FROM (SELECT * FROM countries ORDER BY iso3)), '')`,
    )
    .pluck()
    .get() as string | null;
  return createHash("sha256")
    .update(state ?? "")
    .digest("base64url")
    .slice(0, 16);
}
