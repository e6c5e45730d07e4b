import type { FactRecord } from "@chipflow/core";
import { dialectOf } from "../../dialect/dialect.js";
import type { ReadonlyDb } from "../../handles.js";

/** A figure the database holds for the other side of a flow. */
export interface MirrorFigure {
  datasetId: string;
  value: number;
}

/**
 * Finds, in the database as it was before an import, the partner's report of the flow a file's fact describes: a
 * fact of the same metric, vendor-less product, origin, destination and period, with no buyer, whose source is the
 * UN Comtrade report titled `mirrorTitle`, in any dataset but the one being filled. Reads through its own read-only
 * connection, so neither the import's open transaction nor the indexes a bulk import drops get in the way.
 */
export class MirrorLookup {
  private readonly products = new Map<string, number | undefined>();
  private readonly productId;
  private readonly figures;

  constructor(
    db: ReadonlyDb,
    private readonly datasetId: string,
  ) {
    const d = dialectOf(db);
    this.productId = db.prepare("SELECT id FROM products WHERE coalesce(vendor_id, 0) = 0 AND name = ?").pluck();
    // The natural key's index finds the one fact per dataset and source in a few steps, whatever the data; left to
    // itself, SQLite may pick an index that scans every fact of a product or an origin for the year.
    this.figures = db.prepare(
      `SELECT f.dataset_id AS "datasetId", f.value AS value
       FROM facts f ${d.indexedBy("facts_natural_key")} JOIN sources s ON s.id = f.source_id
       WHERE f.dataset_id IN (SELECT id FROM datasets WHERE id <> @dataset) AND f.metric = @metric
         AND ${d.ifNull("f.vendor_id", "0")} = 0 AND ${d.ifNull("f.product_id", "0")} = @product
         AND ${d.ifNull("f.origin", "''")} = @origin AND ${d.ifNull("f.destination", "''")} = @destination
         AND ${d.ifNull("f.buyer_id", "0")} = 0
         AND f.period_start = @start AND f.period_end = @end AND f.value IS NOT NULL
         AND s.publisher = 'UN Comtrade' AND s.title = @title
       ORDER BY f.dataset_id, f.id`,
    );
  }

  /** The partner's figures for the fact's flow (none when the database holds no such product or report). */
  find(fact: FactRecord, mirrorTitle: string): MirrorFigure[] {
    if (!fact.product || fact.vendor || fact.buyer || !fact.origin || !fact.destination) return [];
    let product = this.products.get(fact.product);
    if (!this.products.has(fact.product)) {
      product = this.productId.get(fact.product) as number | undefined;
      this.products.set(fact.product, product);
    }
    if (product === undefined) return [];
    return this.figures.all({
      metric: fact.metric,
      origin: fact.origin,
      destination: fact.destination,
      start: fact.periodStart,
      end: fact.periodEnd,
      product,
      dataset: this.datasetId,
      title: mirrorTitle,
    }) as MirrorFigure[];
  }
}
