/** Row shapes of the tables, as better-sqlite3 returns them. Table names and columns live in the migrations. */
export interface DbSourceRow {
  id: number;
  publisher: string;
  title: string;
  url: string;
  published_on: string;
  locator: string;
  type: "primary" | "secondary" | null;
  notes: string | null;
}

export interface DbDatasetRow {
  id: string;
  title: string;
  description: string;
  licence: string;
  kind: "curated" | "imported" | "synthetic";
  priority: number;
  format: string | null;
  imported_at: string | null;
  row_count: number;
  checksum: string | null;
}

export interface DbEventRow {
  id: number;
  date: string;
  date_kind: "announced" | "published" | "effective" | "occurred";
  rank: number | null;
  label: string | null;
  topic: "chips" | "tools" | null;
  jurisdiction: string;
  actor: string;
  title: string;
  description: string;
  confidence: "high" | "medium" | "low" | null;
  source_id: number;
}
