import type { PolicyEvent } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { DbEventRow } from "../rows.js";
import { JOINED_SOURCE_COLUMNS, toJoinedSource, type JoinedSourceRow } from "./to-api.js";

export interface EventQuery {
  from?: string | undefined;
  to?: string | undefined;
  jurisdiction?: string[];
}

/** Policy events in date order, optionally within a period and for some jurisdictions. */
export function findEvents(db: ReadonlyDb, q: EventQuery = {}): PolicyEvent[] {
  const rows = db
    .prepare(
      `SELECT e.*, ${JOINED_SOURCE_COLUMNS}
       FROM events e JOIN sources s ON s.id = e.source_id
       WHERE (@from IS NULL OR e.date >= substr(@from, 1, length(e.date)))
         AND (@to IS NULL OR e.date <= @to)
         AND (@jurisdictions IS NULL OR e.jurisdiction IN ${dialectOf(db).jsonList("@jurisdictions")})
       ORDER BY e.date, e.id`,
    )
    .all({
      from: q.from ?? null,
      to: q.to ?? null,
      jurisdictions: q.jurisdiction?.length ? JSON.stringify(q.jurisdiction) : null,
    }) as (DbEventRow & JoinedSourceRow)[];
  return rows.map((row) => {
    const { source, rest: r } = toJoinedSource(row);
    return {
      id: r.id,
      date: r.date,
      dateKind: r.date_kind,
      rank: r.rank,
      label: r.label,
      topic: r.topic,
      jurisdiction: r.jurisdiction,
      actor: r.actor,
      title: r.title,
      description: r.description,
      confidence: r.confidence,
      source,
    };
  });
}
