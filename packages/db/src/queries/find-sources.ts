import type { Dataset, Source, SourcesQuery } from "@chipflow/core";
import type { ReadonlyDb } from "../handles.js";
import type { DbDatasetRow, DbSourceRow } from "../rows.js";
import { toDataset, toSource } from "./to-api.js";

/** Sources in id order: all, those behind some datasets' facts, some ids, or those whose publisher or title match. */
export function findSources(db: ReadonlyDb, q: SourcesQuery): Source[] {
  const rows = db
    .prepare(
      `SELECT s.* FROM sources s
       WHERE (@ids IS NULL OR s.id IN (SELECT value FROM json_each(@ids)))
         AND (@q IS NULL OR instr(lower(s.publisher || ' ' || s.title), lower(@q)) > 0)
         AND (@dataset IS NULL OR EXISTS (SELECT 1 FROM facts f WHERE f.source_id = s.id
               AND f.dataset_id IN (SELECT value FROM json_each(@dataset))))
       ORDER BY s.id`,
    )
    .all({
      ids: q.id.length ? JSON.stringify(q.id.map(Number)) : null,
      q: q.q?.trim() || null,
      dataset: q.dataset.length ? JSON.stringify(q.dataset) : null,
    }) as DbSourceRow[];
  return rows.map(toSource);
}

/** Every dataset, highest priority first. */
export function listDatasets(db: ReadonlyDb): Dataset[] {
  return (db.prepare("SELECT * FROM datasets ORDER BY priority DESC, id").all() as DbDatasetRow[]).map(toDataset);
}
