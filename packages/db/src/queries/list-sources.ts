import type { Source } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { DbSourceRow } from "../rows.js";
import { prepareCached } from "./find-facts-for-query.js";
import { toSource } from "./to-api.js";
import { sortedIds } from "./sorted-ids.js";

/** The sources with these ids, in id order. */
export function listSourcesByIds(db: ReadonlyDb, ids: Iterable<number>): Source[] {
  const list = sortedIds(ids);
  if (list.length === 0) return [];
  const rows = prepareCached(
    db,
    `SELECT * FROM sources WHERE id IN ${dialectOf(db).jsonList("?", "integer")} ORDER BY id`,
  ).all(JSON.stringify(list)) as DbSourceRow[];
  return rows.map(toSource);
}
