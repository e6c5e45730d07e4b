/** How a metric's values combine when facts are grouped. */
export type MetricAggregation = "sum" | "none";

export interface MetricInfo {
  readonly label: string;
  readonly unit: string;
  /** `sum`: parts add up to a total (units, money). `none`: ratios and prices are never added. */
  readonly aggregation: MetricAggregation;
}

/**
 * Every metric a fact can carry. Currencies are separate metrics: values are never converted,
 * so EUR and USD can never share a series.
 */
export const METRICS = {
  units: { label: "Units shipped or sold", unit: "units", aggregation: "sum" },
  revenue_usd: { label: "Revenue (USD)", unit: "USD", aggregation: "sum" },
  revenue_eur: { label: "Revenue (EUR)", unit: "EUR", aggregation: "sum" },
  revenue_jpy: { label: "Revenue (JPY)", unit: "JPY", aggregation: "sum" },
  revenue_twd: { label: "Revenue (TWD)", unit: "TWD", aggregation: "sum" },
  revenue_cny: { label: "Revenue (CNY)", unit: "CNY", aggregation: "sum" },
  revenue_krw: { label: "Revenue (KRW)", unit: "KRW", aggregation: "sum" },
  revenue_share_pct: { label: "Share of vendor revenue", unit: "%", aggregation: "none" },
  market_share_pct: { label: "Market share", unit: "%", aggregation: "none" },
  price_usd: { label: "Price per unit (USD)", unit: "USD/unit", aggregation: "none" },
  price_discount_pct: { label: "Price discount", unit: "%", aggregation: "none" },
  orders_usd: { label: "Orders (USD)", unit: "USD", aggregation: "sum" },
  charge_usd: { label: "Charges and write-downs (USD)", unit: "USD", aggregation: "sum" },
  lost_revenue_usd: { label: "Revenue lost to export controls (USD)", unit: "USD", aggregation: "sum" },
  levy_pct: { label: "Levy on revenue", unit: "%", aggregation: "none" },
  capacity_wafers_month: { label: "Capacity (wafers per month)", unit: "wafers/month", aggregation: "sum" },
  units_ordered: { label: "Units ordered or approved", unit: "units", aggregation: "sum" },
  units_produced: { label: "Units produced (or production capacity)", unit: "units", aggregation: "sum" },
} as const satisfies Record<string, MetricInfo>;

export type Metric = keyof typeof METRICS;

export const METRIC_IDS = Object.keys(METRICS) as Metric[];

/**
 * Metrics that count things: units add only within one product category (150 chip-making machines and 1.5M chips
 * are never one total).
 */
export function countsUnits(metric: Metric): boolean {
  return METRICS[metric].unit === "units";
}

export function isMetric(value: string): value is Metric {
  return Object.hasOwn(METRICS, value);
}
