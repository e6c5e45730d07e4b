import type { Dataset, Source } from "@chipflow/core";
import type { DbDatasetRow, DbSourceRow } from "../rows.js";

export function toSource(r: DbSourceRow): Source {
  return { id: r.id, publisher: r.publisher, title: r.title, url: r.url, publishedOn: r.published_on, notes: r.notes };
}

export function toDataset(r: DbDatasetRow): Dataset {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    licence: r.licence,
    kind: r.kind,
    priority: r.priority,
    importedAt: r.imported_at,
    rowCount: r.row_count,
    checksum: r.checksum,
  };
}
