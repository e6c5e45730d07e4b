import { CATEGORIES, type FactFilter } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";

/** Echo back only values that look like ids: never a path, a statement or control characters from the request. */
const quote = (values: string[]) => {
  const shown = values.filter((v) => /^[\w.-]{1,40}$/.test(v)).map((v) => JSON.stringify(v));
  const hidden = values.length - shown.length;
  return [
    ...shown,
    ...(hidden ? [`${hidden} value${hidden > 1 ? "s" : ""} that ${hidden > 1 ? "are" : "is"} not an id`] : []),
  ].join(", ");
};

const TABLES = { vendor: "vendors", product: "products", buyer: "buyers", dataset: "datasets" } as const;

/**
 * The first filter parameter naming an id the database does not hold, with a message that names the parameter and
 * what to send instead; null when every id is known. Ids are checked in SQL, so the cost is per id, not per table.
 */
export function findUnknownIds(db: ReadonlyDb, filter: Partial<FactFilter>): string | null {
  for (const [param, table] of Object.entries(TABLES) as [keyof typeof TABLES, string][]) {
    const ids = filter[param] ?? [];
    if (ids.length === 0) continue;
    const column = table === "datasets" ? "id" : "slug";
    const known = new Set(
      db
        .prepare(`SELECT ${column} FROM ${table} WHERE ${column} IN ${dialectOf(db).jsonList("?")}`)
        .pluck()
        .all(JSON.stringify(ids)) as string[],
    );
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length === 0) continue;
    const count = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const allowed =
      count <= 30
        ? `expected one of ${(db.prepare(`SELECT ${column} FROM ${table} ORDER BY 1`).pluck().all() as string[]).join(", ")}`
        : "see /api/v1/dimensions for the ids";
    return `parameter ${param}: unknown ${param} ${quote(unknown)}; ${allowed}`;
  }
  const badCategory = (filter.category ?? []).filter((c) => !(CATEGORIES as readonly string[]).includes(c));
  if (badCategory.length)
    return `parameter category: unknown category ${quote(badCategory)}; expected one of ${CATEGORIES.join(", ")}`;
  return null;
}
