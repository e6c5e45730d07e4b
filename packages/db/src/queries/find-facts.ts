import type { FactWithSource, FactsQuery, FactsResponse } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import { asJsonList, factFilterWhere, FACT_JOINS, toFactFilterParams } from "./fact-filter-sql.js";
import { JOINED_SOURCE_COLUMNS, toJoinedSource, type JoinedSourceRow } from "./to-api.js";

const SORT_KEYS = {
  period: "f.period_start",
  value: "coalesce(f.value, f.low)",
  source_date: "s.published_on",
} as const;

/** A page position: the sort key and id of the last row of the previous page. */
type Cursor = [string | number, number];

function parseCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isInteger(parsed[1])) return parsed as Cursor;
  } catch {
    // fall through
  }
  throw Object.assign(new Error("parameter cursor: not a cursor from this API; send the nextCursor of a page"), {
    statusCode: 400,
    code: "BAD_REQUEST",
  });
}

type Row = Omit<FactWithSource, "source"> & JoinedSourceRow & { sortKey: string | number };

/**
 * One page of facts with their provenance, filtered (periods overlapping `from`..`to`), sorted by period, value or
 * source date (ties by id) and paged by a keyset cursor, so that a page costs the same however deep it is.
 */
export function findFacts(db: ReadonlyDb, q: FactsQuery): FactsResponse {
  const descending = q.sort.startsWith("-");
  const key = SORT_KEYS[q.sort.replace(/^-/, "") as keyof typeof SORT_KEYS];
  const cursor = parseCursor(q.cursor);
  const [cmp, dir] = descending ? ["<", "DESC"] : [">", "ASC"];
  const d = dialectOf(db);
  const rows = db
    .prepare(
      `SELECT f.id, f.dataset_id AS "datasetId", f.period_start AS "periodStart", f.period_end AS "periodEnd",
         f.period_label AS "periodLabel", f.granularity, v.slug AS "vendorId", v.name AS vendor, p.slug AS "productId",
         p.name AS product, f.category, f.origin, f.destination, b.slug AS "buyerId", b.name AS buyer, f.metric,
         f.value, f.low, f.high, f.estimate_kind AS "estimateKind", f.confidence, f.note, ${key} AS "sortKey",
         ${JOINED_SOURCE_COLUMNS}
       ${FACT_JOINS}
       WHERE ${factFilterWhere(d)}
         AND (@kind IS NULL OR f.estimate_kind IN ${d.jsonList("@kind")})
         AND (@afterKey IS NULL OR ${key} ${cmp} @afterKey OR (${key} = @afterKey AND f.id ${cmp} @afterId))
       ORDER BY ${key} ${dir}, f.id ${dir}
       LIMIT @limit`,
    )
    .all({
      ...toFactFilterParams(q),
      kind: asJsonList(q.kind),
      afterKey: cursor?.[0] ?? null,
      afterId: cursor?.[1] ?? null,
      limit: q.limit + 1,
    }) as Row[];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    facts: page.map(({ sortKey: _k, ...row }) => {
      const { source, rest } = toJoinedSource(row);
      return { ...rest, source };
    }),
    nextCursor:
      rows.length > q.limit && last ? Buffer.from(JSON.stringify([last.sortKey, last.id])).toString("base64url") : null,
  };
}
