import type { FactRecord } from "@chipflow/core";
import { inferGranularity } from "@chipflow/core";
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
   * and only a row whose natural key is already taken (the same fact twice in one file) goes through the upsert.
   */
  fresh?: boolean;
}

/**
 * Writes facts of one dataset, upserting by the natural key: a fact already there (same dataset, metric,
 * dimensions, period and source) is updated in place, so importing a file twice never duplicates it.
 */
export class FactWriter {
  readonly ids: DimensionIds;
  /** The first id a fact new to this writer gets; facts at or above it were written by this writer. */
  readonly firstNewId: number;
  private readonly insert;
  private readonly upsert;
  private readonly fresh: boolean;
  private readonly granularities = new Map<string, string>();
  private readonly params: unknown[] = new Array(19);

  constructor(
    db: WritableDb,
    private readonly datasetId: string,
    options: FactWriterOptions = {},
  ) {
    this.ids = new DimensionIds(db);
    this.fresh = options.fresh ?? false;
    this.firstNewId = ((db.prepare("SELECT max(id) FROM facts").pluck().get() as number | null) ?? 0) + 1;
    this.insert = db.prepare(`INSERT INTO facts (${COLUMNS}) VALUES (${PLACEHOLDERS})`);
    this.upsert = db
      .prepare(
        `INSERT INTO facts (${COLUMNS}) VALUES (${PLACEHOLDERS})
         ON CONFLICT (${NATURAL_KEY})
         DO UPDATE SET category = excluded.category, granularity = excluded.granularity,
           period_label = excluded.period_label, value = excluded.value, low = excluded.low, high = excluded.high,
           estimate_kind = excluded.estimate_kind, confidence = excluded.confidence, note = excluded.note
         RETURNING id`,
      )
      .pluck();
  }

  /** Writes one fact; says whether it was new or replaced an earlier copy of itself. */
  write(f: FactRecord): "inserted" | "updated" {
    const product =
      f.product === null
        ? null
        : this.ids.product({ vendor: f.vendor, name: f.product, category: f.category ?? "other" });
    const p = this.params;
    p[0] = this.datasetId;
    p[1] = this.ids.source(f.source);
    p[2] = f.vendor === null ? null : this.ids.vendor(f.vendor);
    p[3] = product?.id ?? null;
    p[4] = product?.category ?? f.category;
    p[5] = f.origin;
    p[6] = f.destination;
    p[7] = f.buyer === null ? null : this.ids.buyer(f.buyer);
    p[8] = f.periodStart;
    p[9] = f.periodEnd;
    p[10] = this.granularity(f.periodStart, f.periodEnd);
    p[11] = f.periodLabel;
    p[12] = f.metric;
    p[13] = f.value;
    p[14] = f.low;
    p[15] = f.high;
    p[16] = f.estimateKind;
    p[17] = f.confidence;
    p[18] = f.note;
    if (this.fresh) {
      try {
        this.insert.run(p);
        return "inserted";
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_CONSTRAINT_UNIQUE") throw error;
      }
    }
    const id = this.upsert.get(p) as number;
    return id >= this.firstNewId ? "inserted" : "updated";
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
