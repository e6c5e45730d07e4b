import { DEFAULT_VIEW } from "../view/view-state.js";
import { COMPANY_VIEWS } from "./company-views.js";
import { filters, type CuratedView } from "./curated-view.js";
import { CUSTOMS_VIEWS } from "./customs-views.js";
import { TOOL_VIEWS } from "./tool-views.js";

export type { CuratedView } from "./curated-view.js";

/** The policy events themselves, over NVIDIA's revenue from China. */
const TIMELINE_VIEW: CuratedView = {
  slug: "export-control-timeline",
  title: "Export-control timeline",
  paragraphs: [
    "US controls moved from listing companies (Huawei in May 2019, SMIC in December 2020) to controlling chips and " +
      "chip-making tools by what they can do: the rules of October 2022, October 2023 and December 2024. The " +
      "Netherlands and Japan put their own licence requirements on advanced chip-making equipment in 2023; China " +
      "answered with export controls on gallium and germanium from August 2023, then on graphite, antimony and rare " +
      "earths.",
    "In 2025 the US required licences for NVIDIA's H20 and AMD's MI308 (April), rescinded the AI Diffusion Rule " +
      "(May), then licensed H20 sales against 15% of the revenue (August); in December 2025 it allowed H200 sales to " +
      "approved customers in China with 25% to the US. In February 2026 Applied Materials agreed to pay $253 million " +
      "to settle BIS's inquiry into shipments to customers in China. Every event below carries its source; the chart " +
      "shows all of them over NVIDIA's revenue from China.",
  ],
  view: {
    ...DEFAULT_VIEW,
    metric: "revenue_usd",
    groupBy: "destination",
    interval: "quarter",
    filters: filters({ vendor: ["nvidia"], destination: ["CHN"], dataset: ["nvidia-geo-billing"] }),
    allEvents: true,
  },
};

/** Every curated view, in the order of the views' menu. */
export const CURATED_VIEWS: readonly CuratedView[] = [...COMPANY_VIEWS, ...TOOL_VIEWS, ...CUSTOMS_VIEWS, TIMELINE_VIEW];

/** The curated view a path names (`/views/<slug>`), if any. */
export function findCuratedView(pathname: string): CuratedView | undefined {
  const slug = /^\/views\/([a-z0-9-]+)\/?$/.exec(pathname)?.[1];
  return CURATED_VIEWS.find((v) => v.slug === slug);
}
