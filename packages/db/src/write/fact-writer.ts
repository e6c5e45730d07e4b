import type { FactRecord } from "@chipflow/core";
import { inferGranularity } from "@chipflow/core";
import type { Statement } from "better-sqlite3";
import type { WritableDb } from "../handles.js";
import { DimensionIds } from "./dimension-ids.js";

const COLUMNS = `dataset_id, source_id, vendor_id, product_id, category, origin, destination, buyer_id,
  period_start, period_end, granularity, period_label, metric, value, low, high, estimate_kind, confidence, note`;
const PLACEHOLDERS = Array.from({ length: 19 }, () => "?").join(", ");
const NATURAL_KEY = `dataset_id, metric, ifnull(vendor_id, 0), ifnull(product_id, 0), ifnull(origin, ''),
  ifnull(destination, ''), ifnull(buyer_id, 0), period_start, period_end, source_id`;

export interface FactWriterOptions {
  /**
   * The dataset holds no facts yet (a new dataset, or one just emptied by a replace): rows are inserted plainly,
   * and a row whose natural key is already taken can only repeat an earlier row of the same file.
   */
  fresh?: boolean;
  /**
   * The facts table has no unique index while this writer runs (a bulk import rebuilds the indexes at the end), so
   * no insert can conflict: rows are inserted many to a statement. Call `flush` before reading the table.
   */
  batched?: boolean;
}

/** Rows per multi-row INSERT in a batched writer (19 parameters each, under SQLite's limit of 32,766). */
const BATCH_ROWS = 64;

/**
 * Writes facts of one dataset, upserting by the natural key: a fact already there from an earlier import (same
 * dataset, metric, dimensions, period and source) is updated in place, so importing a file twice never duplicates
 * it. A fact that repeats one this writer already wrote (the same fact twice in one file) is not written:
 * `write` says `repeated`, and the import rejects that row.
 */
export class FactWriter {
  readonly ids: DimensionIds;
  /** The first id a fact new to this writer gets; facts at or above it were written by this writer. */
  readonly firstNewId: number;
  private readonly insert;
  private readonly db: WritableDb;
  private upsertStatement: Statement | undefined;
  private readonly fresh: boolean;
  private readonly granularities = new Map<string, string>();
  private readonly params: unknown[] = new Array(19);
  private readonly insertBatch;
  private readonly batch: unknown[] | undefined;
  private batched = 0;

  constructor(
    db: WritableDb,
    private readonly datasetId: string,
    options: FactWriterOptions = {},
  ) {
    this.db = db;
    this.ids = new DimensionIds(db);
    this.fresh = options.fresh ?? false;
    this.firstNewId = ((db.prepare("SELECT max(id) FROM facts").pluck().get() as number | null) ?? 0) + 1;
    this.insert = db.prepare(`INSERT INTO facts (${COLUMNS}) VALUES (${PLACEHOLDERS})`);
    const rows = Array.from({ length: BATCH_ROWS }, () => `(${PLACEHOLDERS})`).join(", ");
    this.insertBatch = options.batched ? db.prepare(`INSERT INTO facts (${COLUMNS}) VALUES ${rows}`) : undefined;
    this.batch = options.batched ? new Array(19 * BATCH_ROWS) : undefined;
  }

  /** Writes one fact; says whether it was new, replaced a copy from an earlier import, or repeats this import's. */
  write(f: FactRecord): "inserted" | "updated" | "repeated" {
    const product =
      f.product === null
        ? null
        : this.ids.product({ vendor: f.vendor, name: f.product, category: f.category ?? "other" });
    const p = this.batch ?? this.params;
    let i = this.batch ? this.batched * 19 : 0;
    p[i++] = this.datasetId;
    p[i++] = this.ids.source(f.source);
    p[i++] = f.vendor === null ? null : this.ids.vendor(f.vendor);
    p[i++] = product?.id ?? null;
    p[i++] = product?.category ?? f.category;
    p[i++] = f.origin;
    p[i++] = f.destination;
    p[i++] = f.buyer === null ? null : this.ids.buyer(f.buyer);
    p[i++] = f.periodStart;
    p[i++] = f.periodEnd;
    p[i++] = this.granularity(f.periodStart, f.periodEnd);
    p[i++] = f.periodLabel;
    p[i++] = f.metric;
    p[i++] = f.value;
    p[i++] = f.low;
    p[i++] = f.high;
    p[i++] = f.estimateKind;
    p[i++] = f.confidence;
    p[i++] = f.note;
    if (this.batch) {
      if (++this.batched === BATCH_ROWS) this.flush();
      return "inserted";
    }
    if (this.fresh) {
      try {
        this.insert.run(p);
        return "inserted";
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
        return "repeated";
      }
    }
    const id = this.upsert().get(p) as number | undefined; // no id: the key is taken by a row of this import
    return id === undefined ? "repeated" : id >= this.firstNewId ? "inserted" : "updated";
  }

  /** Writes the rows a batched writer still holds. */
  flush(): void {
    if (!this.batch || this.batched === 0) return;
    if (this.batched === BATCH_ROWS) this.insertBatch!.run(this.batch);
    else for (let r = 0; r < this.batched; r++) this.insert.run(this.batch.slice(r * 19, r * 19 + 19));
    this.batched = 0;
  }

  /**
   * The upsert by natural key, prepared when first needed (a batched writer never needs it). It updates only a row
   * from an earlier import: on a row this writer wrote it does nothing and returns no id.
   */
  private upsert(): Statement {
    this.upsertStatement ??= this.db
      .prepare(
        `INSERT INTO facts (${COLUMNS}) VALUES (${PLACEHOLDERS})
         ON CONFLICT (${NATURAL_KEY})
         DO UPDATE SET category = excluded.category, granularity = excluded.granularity,
           period_label = excluded.period_label, value = excluded.value, low = excluded.low, high = excluded.high,
           estimate_kind = excluded.estimate_kind, confidence = excluded.confidence, note = excluded.note
         WHERE facts.id < ${this.firstNewId}
         RETURNING id`,
      )
      .pluck();
    return this.upsertStatement;
  }

  /** Periods repeat across millions of rows; their granularity is worked out once per distinct period. */
  private granularity(start: string, end: string): string {
    const key = start + end;
    let g = this.granularities.get(key);
    if (g === undefined) {
      g = inferGranularity(start, end);
      if (this.granularities.size < 100_000) this.granularities.set(key, g);
    }
    return g;
  }
}
