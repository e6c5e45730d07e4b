/** How a figure came about. */
export const ESTIMATE_KINDS = ["reported", "estimate", "forecast"] as const;
export type EstimateKind = (typeof ESTIMATE_KINDS)[number];

/** How far a figure's source can be trusted: high for filings and official bodies, low for blogs and aggregators. */
export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/**
 * Whose document a source is: `primary` is the issuer's or regulator's own (a 10-K, 20-F, annual report, earnings
 * release, Federal Register notice, UN Comtrade record); `secondary` is an article or aggregator that reports it.
 */
export const SOURCE_TYPES = ["primary", "secondary"] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

/** What an event's one date marks: a rule announced, published (e.g. in the Federal Register), in force, or a deed done. */
export const EVENT_DATE_KINDS = ["announced", "published", "effective", "occurred"] as const;
export type EventDateKind = (typeof EVENT_DATE_KINDS)[number];
/** What an event bears on: chips (accelerators, memory, their sales) or the tools that make them. Blank: both. */
export const EVENT_TOPICS = ["chips", "tools"] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

/** Where a dataset came from. Synthetic datasets exist only for tests and benchmarks. */
export const DATASET_KINDS = ["curated", "imported", "synthetic"] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

/** Product categories, from finished accelerators to the tools that make chips. */
export const CATEGORIES = [
  "ai_accelerator",
  "gpu",
  "cpu",
  "memory",
  "integrated_circuits",
  "foundry",
  "lithography",
  "deposition_etch",
  "inspection",
  "semiconductor_equipment",
  "server",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Dimensions a series can be grouped by. */
export const GROUP_BYS = ["vendor", "product", "category", "origin", "destination", "buyer"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
