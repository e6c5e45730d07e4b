import { METRICS, type Metric } from "@chipflow/core";

/** What a chart of flows or places says for a metric that does not add up, in place of a chart. */
export function NotAdditive({ metric }: { metric: Metric }) {
  return (
    <div className="empty-view">
      <p>
        {METRICS[metric].label} is each vendor&apos;s own figure and never adds up across vendors, places or products,
        so it is not drawn as flows or on the map. The charts above show it; choose a metric in units or a currency to
        see it flow.
      </p>
    </div>
  );
}
