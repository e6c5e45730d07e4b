import type { FactRecord } from "@chipflow/core";
import { inferGranularity } from "@chipflow/core";
import type { WritableDb } from "../handles.js";
import { DimensionIds } from "./dimension-ids.js";

/**
 * Writes facts of one dataset, upserting by the natural key: a fact already there (same dataset, metric,
 * dimensions, period and source) is updated in place, so importing a file twice never duplicates it.
 */
export class FactWriter {
  readonly ids: DimensionIds;
  private readonly upsert;
  private readonly firstNewId: number;

  constructor(
    db: WritableDb,
    private readonly datasetId: string,
  ) {
    this.ids = new DimensionIds(db);
    this.firstNewId = ((db.prepare("SELECT max(id) FROM facts").pluck().get() as number | null) ?? 0) + 1;
    this.upsert = db
      .prepare(
        `INSERT INTO facts (dataset_id, source_id, vendor_id, product_id, category, origin, destination, buyer_id,
           period_start, period_end, granularity, period_label, metric, value, low, high, estimate_kind, confidence, note)
         VALUES (@datasetId, @sourceId, @vendorId, @productId, @category, @origin, @destination, @buyerId,
           @periodStart, @periodEnd, @granularity, @periodLabel, @metric, @value, @low, @high, @estimateKind,
           @confidence, @note)
         ON CONFLICT (dataset_id, metric, ifnull(vendor_id, 0), ifnull(product_id, 0), ifnull(origin, ''),
           ifnull(destination, ''), ifnull(buyer_id, 0), period_start, period_end, source_id)
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
    const id = this.upsert.get({
      datasetId: this.datasetId,
      sourceId: this.ids.source(f.source),
      vendorId: f.vendor === null ? null : this.ids.vendor(f.vendor),
      productId: product?.id ?? null,
      category: product?.category ?? f.category,
      origin: f.origin,
      destination: f.destination,
      buyerId: f.buyer === null ? null : this.ids.buyer(f.buyer),
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      granularity: inferGranularity(f.periodStart, f.periodEnd),
      periodLabel: f.periodLabel,
      metric: f.metric,
      value: f.value,
      low: f.low,
      high: f.high,
      estimateKind: f.estimateKind,
      confidence: f.confidence,
      note: f.note,
    }) as number;
    return id >= this.firstNewId ? "inserted" : "updated";
  }
}
