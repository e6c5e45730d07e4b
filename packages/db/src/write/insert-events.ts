import { CONFIDENCES, isCountryCode, isPartialDate, type EventCsvRow } from "@chipflow/core";
import type { WritableDb } from "../handles.js";
import { DimensionIds } from "./dimension-ids.js";

/** Checks an events CSV row; returns what is wrong, or nothing. */
export function checkEventRow(r: EventCsvRow): string[] {
  const problems: string[] = [];
  if (!isPartialDate(r.date)) problems.push(`date: expected YYYY, YYYY-MM or YYYY-MM-DD (got "${r.date}")`);
  if (r.effective_date && !isPartialDate(r.effective_date))
    problems.push(`effective_date: expected a date (got "${r.effective_date}")`);
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
    `INSERT INTO events (date, effective_date, jurisdiction, actor, title, description, confidence, source_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of rows) {
      const sourceId = ids.source({
        publisher: r.source_publisher,
        title: r.source_title,
        date: r.source_date,
        url: r.source_url,
      });
      insert.run(
        r.date,
        r.effective_date || null,
        r.jurisdiction,
        r.actor,
        r.title,
        r.description,
        r.confidence || null,
        sourceId,
      );
    }
  })();
  return rows.length;
}
