/** How a figure came about. */
export const ESTIMATE_KINDS = ["reported", "estimate", "forecast"] as const;
export type EstimateKind = (typeof ESTIMATE_KINDS)[number];

/** How far a figure's source can be trusted: high for filings and official bodies, low for blogs and aggregators. */
export const CONFIDENCES = ["high", "medium", "low"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

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
