import type { Metric } from "@chipflow/core";
import type { ViewState } from "./view-state.js";

/** A basis on which a company reports revenue by geography, held by one dataset. */
export interface Basis {
  dataset: string;
  label: string;
}

/**
 * NVIDIA's two geographic bases, never mixed in one view: by the customer's billing location as first reported
 * (until Q2 FY2026), and by the customer's headquarters (from Q3 FY2026, with FY2024-FY2026 restated).
 */
export const NVIDIA_BASES: readonly Basis[] = [
  { dataset: "nvidia-geo-hq", label: "Customer headquarters" },
  { dataset: "nvidia-geo-billing", label: "Billing location" },
];

export const NVIDIA_BASES_EXPLAINED =
  "Until Q2 FY2026 NVIDIA reported revenue by where customers are billed: Singapore then stood for much revenue " +
  "billed there for US-based customers. From Q3 FY2026 it reports by where customers are headquartered, and it " +
  "restated FY2024 to FY2026 so. The two are not comparable (China in FY2025: $17.1B billed, $25.0B by " +
  "headquarters), so a view holds one basis at a time.";

/** The basis each NVIDIA geography dataset holds, as a figure's label says it. */
const BASIS_OF_DATASET: Record<string, string> = {
  "nvidia-geo-hq": "customer headquarters basis",
  "nvidia-geo-billing": "billing location basis, as first reported",
};

/** The geographic basis of a figure's dataset, where the dataset has one. */
export function basisOf(datasetId: string | undefined | null): string | null {
  return (datasetId && BASIS_OF_DATASET[datasetId]) || null;
}

const REVENUE: readonly Metric[] = ["revenue_usd", "revenue_share_pct"];

/** Whether a view shows NVIDIA revenue by geography, so that it must hold one basis. */
export function showsNvidiaGeography(view: ViewState): boolean {
  const nvidia =
    view.filters.vendor.includes("nvidia") ||
    view.filters.dataset.some((d) => NVIDIA_BASES.some((b) => b.dataset === d));
  return nvidia && REVENUE.includes(view.metric);
}

/** The basis the view holds, if one. */
export function basisOfView(view: ViewState): Basis | undefined {
  return NVIDIA_BASES.find((b) => view.filters.dataset.includes(b.dataset));
}

/** The view on another basis: the other basis's dataset replaced, any other dataset kept. */
export function withBasis(view: ViewState, basis: Basis): ViewState {
  const others = view.filters.dataset.filter((d) => !NVIDIA_BASES.some((b) => b.dataset === d));
  return { ...view, filters: { ...view.filters, dataset: [...others, basis.dataset] } };
}
