import type { Dataset, Source } from "@chipflow/core";
import type { DbDatasetRow, DbSourceRow } from "../rows.js";

export function toSource(r: DbSourceRow): Source {
  return {
    id: r.id,
    publisher: r.publisher,
    title: r.title,
    url: r.url,
    publishedOn: r.published_on,
    locator: r.locator || null,
    type: r.type,
    notes: r.notes,
  };
}

/** The columns of the source `s` joined to a fact or event, each prefixed `s_`: read back with `toJoinedSource`. */
export const JOINED_SOURCE_COLUMNS = `s.id AS s_id, s.publisher AS s_publisher, s.title AS s_title, s.url AS s_url,
  s.published_on AS s_published_on, s.locator AS s_locator, s.type AS s_type, s.notes AS s_notes`;

/** A row's `s_`-prefixed source columns, split off from the rest of the row. */
export type JoinedSourceRow = { [K in keyof DbSourceRow as `s_${K}`]: DbSourceRow[K] };

export function toJoinedSource<T extends JoinedSourceRow>(
  row: T,
): { source: Source; rest: Omit<T, keyof JoinedSourceRow> } {
  const { s_id, s_publisher, s_title, s_url, s_published_on, s_locator, s_type, s_notes, ...rest } = row;
  const source = toSource({
    id: s_id,
    publisher: s_publisher,
    title: s_title,
    url: s_url,
    published_on: s_published_on,
    locator: s_locator,
    type: s_type,
    notes: s_notes,
  });
  return { source, rest };
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
