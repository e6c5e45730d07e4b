import type { Category, Confidence, EstimateKind, SourceType } from "./enums.js";
import type { Metric } from "./metrics.js";

/**
 * Where a figure comes from. `date` is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source is known; `locator`
 * says where in the document the figure stands (a note, table or XBRL page), null when not given.
 */
export interface SourceRef {
  publisher: string;
  title: string;
  date: string;
  url: string;
  locator: string | null;
  type: SourceType | null;
}

/**
 * One validated fact, as the importer inserts it and the facts export writes it.
 * Dimension values are names (vendor, product, buyer) or ISO3 codes (origin, destination); null means
 * "all" (vendor, product) or "not stated".
 */
export interface FactRecord {
  periodStart: string;
  periodEnd: string;
  periodLabel: string | null;
  vendor: string | null;
  product: string | null;
  category: Category | null;
  origin: string | null;
  destination: string | null;
  buyer: string | null;
  metric: Metric;
  value: number | null;
  low: number | null;
  high: number | null;
  estimateKind: EstimateKind;
  confidence: Confidence | null;
  source: SourceRef;
  note: string | null;
}
