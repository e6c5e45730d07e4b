import type { PolicyEvent } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import type { DbEventRow, DbSourceRow } from "../rows.js";
import { toSource } from "./to-api.js";

export interface EventQuery {
  from?: string | undefined;
  to?: string | undefined;
  jurisdiction?: string[];
}

/** Policy events in date order, optionally within a period and for some jurisdictions. */
export function findEvents(db: ReadonlyDb, q: EventQuery = {}): PolicyEvent[] {
  const rows = db
    .prepare(
      `SELECT e.*, s.id AS s_id, s.publisher AS s_publisher, s.title AS s_title, s.url AS s_url,
         s.published_on AS s_published_on, s.notes AS s_notes
       FROM events e JOIN sources s ON s.id = e.source_id
       WHERE (@from IS NULL OR e.date >= substr(@from, 1, length(e.date)))
         AND (@to IS NULL OR e.date <= @to)
         AND (@jurisdictions IS NULL OR e.jurisdiction IN (SELECT value FROM json_each(@jurisdictions)))
       ORDER BY e.date, e.id`,
    )
    .all({
      from: q.from ?? null,
      to: q.to ?? null,
      jurisdictions: q.jurisdiction?.length ? JSON.stringify(q.jurisdiction) : null,
    }) as (DbEventRow & Record<`s_${keyof DbSourceRow}`, never>)[];
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    effectiveDate: r.effective_date,
    jurisdiction: r.jurisdiction,
    actor: r.actor,
    title: r.title,
    description: r.description,
    confidence: r.confidence,
    source: toSource({
      id: r.s_id,
      publisher: r.s_publisher,
      title: r.s_title,
      url: r.s_url,
      published_on: r.s_published_on,
      notes: r.s_notes,
    }),
  }));
}
