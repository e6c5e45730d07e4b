import type { Source } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { DbSourceRow } from "../rows.js";
import { prepareCached } from "./find-facts-for-query.js";
import { getChangeMarker } from "./get-change-marker.js";
import { toSource } from "./to-api.js";
import { sortedIds } from "./sorted-ids.js";

/** Sources a handle has read, while its change marker stays where it was when they were read. */
interface KnownSources {
  marker: string;
  byId: Map<number, Source>;
}

/** Most sources a handle keeps; past that it starts again (a flow at 10M facts lists about 400). */
const MAX_KNOWN = 100_000;
const known = new WeakMap<ReadonlyDb, KnownSources>();

/**
 * The sources with these ids, in id order. Every answer lists the sources of its figures, and the same few hundred
 * recur from one query to the next: each is read once and then kept, until the data changes.
 */
export function listSourcesByIds(db: ReadonlyDb, ids: Iterable<number>): Source[] {
  const list = sortedIds(ids);
  if (list.length === 0) return [];
  const marker = getChangeMarker(db);
  let sources = known.get(db);
  if (!sources || sources.marker !== marker || sources.byId.size > MAX_KNOWN)
    known.set(db, (sources = { marker, byId: new Map() }));
  const { byId } = sources;
  const missing = list.filter((id) => !byId.has(id));
  if (missing.length > 0) {
    const rows = prepareCached(
      db,
      `SELECT * FROM sources WHERE id IN ${dialectOf(db).jsonList("?", "integer")} ORDER BY id`,
    ).all(JSON.stringify(missing)) as DbSourceRow[];
    for (const row of rows) {
      const source = toSource(row);
      byId.set(Number(source.id), source);
    }
  }
  return list.flatMap((id) => byId.get(id) ?? []);
}
