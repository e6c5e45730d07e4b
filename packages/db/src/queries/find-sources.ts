import { findCountryByName, type Dataset, type Source, type SourcesQuery } from "@chipflow/core";
import { dialectOf } from "../dialect/dialect.js";
import type { ReadonlyDb } from "../handles.js";
import type { DbDatasetRow, DbSourceRow } from "../rows.js";
import { toDataset, toSource } from "./to-api.js";

/**
 * The texts a source search looks for, as JSON: the typed text and, when it names a country, each of the country's
 * names, so "South Korea" finds "UN Comtrade: Republic of Korea export reports". Null for no search.
 */
function searchTexts(q: string | undefined): string | null {
  const text = q?.trim();
  if (!text) return null;
  const country = findCountryByName(text);
  return JSON.stringify(country ? [text, country.name, ...country.aliases] : [text]);
}

/** Sources in id order: all, those behind some datasets' facts, some ids, or those whose publisher or title match. */
export function findSources(db: ReadonlyDb, q: SourcesQuery): Source[] {
  const d = dialectOf(db);
  const rows = db
    .prepare(
      `SELECT s.* FROM sources s
       WHERE (@ids IS NULL OR s.id IN ${d.jsonList("@ids", "integer")})
         AND (@q IS NULL OR EXISTS (SELECT 1 FROM ${d.jsonTable("@q")} t
               WHERE ${d.contains("lower(s.publisher || ' ' || s.title)", "lower(t.value)")}))
         AND (@dataset IS NULL OR EXISTS (SELECT 1 FROM facts f WHERE f.source_id = s.id
               AND f.dataset_id IN ${d.jsonList("@dataset")}))
       ORDER BY s.id`,
    )
    .all({
      ids: q.id.length ? JSON.stringify(q.id.map(Number)) : null,
      q: searchTexts(q.q),
      dataset: q.dataset.length ? JSON.stringify(q.dataset) : null,
    }) as DbSourceRow[];
  return rows.map(toSource);
}

/** Every dataset, highest priority first. */
export function listDatasets(db: ReadonlyDb): Dataset[] {
  return (db.prepare("SELECT * FROM datasets ORDER BY priority DESC, id").all() as DbDatasetRow[]).map(toDataset);
}
