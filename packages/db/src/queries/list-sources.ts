import type { Source } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { DbSourceRow } from "../rows.js";
import { toSource } from "./to-api.js";

/** The sources with these ids, in id order. */
export function listSourcesByIds(db: ReadonlyDb, ids: Iterable<number>): Source[] {
  const list = [...new Set(ids)].sort((a, b) => a - b);
  if (list.length === 0) return [];
  const rows = db
    .prepare(`SELECT * FROM sources WHERE id IN ${dialectOf(db).jsonList("?", "integer")} ORDER BY id`)
    .all(JSON.stringify(list)) as DbSourceRow[];
  return rows.map(toSource);
}
