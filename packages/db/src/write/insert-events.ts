import {
  CONFIDENCES,
  EVENT_DATE_KINDS,
  EVENT_TOPICS,
  isCountryCode,
  isPartialDate,
  SOURCE_TYPES,
  type EventCsvRow,
  type SourceType,
} from "@chipflow/core";
import type { WritableDb } from "../handles.js";
import { DimensionIds } from "./dimension-ids.js";

/** Checks an events CSV row; returns what is wrong, or nothing. */
export function checkEventRow(r: EventCsvRow): string[] {
  const problems: string[] = [];
  if (!isPartialDate(r.date)) problems.push(`date: expected YYYY, YYYY-MM or YYYY-MM-DD (got "${r.date}")`);
  if (!(EVENT_DATE_KINDS as readonly string[]).includes(r.date_kind))
    problems.push(`date_kind: expected ${EVENT_DATE_KINDS.join(", ")} (got "${r.date_kind}")`);
  if (r.rank && !/^[1-9]\d*$/.test(r.rank))
    problems.push(`rank: expected blank or a whole number from 1 (got "${r.rank}")`);
  if (r.topic && !(EVENT_TOPICS as readonly string[]).includes(r.topic))
    problems.push(`topic: expected blank, ${EVENT_TOPICS.join(" or ")} (got "${r.topic}")`);
  if (r.source_type && !(SOURCE_TYPES as readonly string[]).includes(r.source_type))
    problems.push(`source_type: expected blank, ${SOURCE_TYPES.join(" or ")} (got "${r.source_type}")`);
  if (!isCountryCode(r.jurisdiction)) problems.push(`jurisdiction: expected an ISO3 code (got "${r.jurisdiction}")`);
  if (!r.title.trim()) problems.push("title: required");
  if (!/^https?:\/\//.test(r.source_url)) problems.push(`source_url: expected an http(s) URL (got "${r.source_url}")`);
  if (!isPartialDate(r.source_date)) problems.push(`source_date: expected a date (got "${r.source_date}")`);
  if (r.confidence && !(CONFIDENCES as readonly string[]).includes(r.confidence))
    problems.push(`confidence: expected ${CONFIDENCES.join(", ")} (got "${r.confidence}")`);
  return problems;
}

/** Inserts policy events with their sources. Rows must have passed `checkEventRow`. */
export function insertEvents(db: WritableDb, rows: EventCsvRow[]): number {
  const ids = new DimensionIds(db);
  const insert = db.prepare(
    `INSERT INTO events (date, date_kind, jurisdiction, actor, title, description, confidence, source_id, rank, label, topic)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of rows) {
      const sourceId = ids.source({
        publisher: r.source_publisher,
        title: r.source_title,
        date: r.source_date,
        url: r.source_url,
        locator: r.source_locator || null,
        type: (r.source_type || null) as SourceType | null,
      });
      const rank = r.rank ? Number(r.rank) : null;
      insert.run(
        r.date,
        r.date_kind,
        r.jurisdiction,
        r.actor,
        r.title,
        r.description,
        r.confidence || null,
        sourceId,
        rank,
        r.label?.trim() || null,
        r.topic || null,
      );
    }
  })();
  return rows.length;
}
