import type { Dimensions } from "@chipflow/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { dimensionsQueryOptions } from "../api/dimensions.js";
import {
  figuresWithoutOptions,
  restrictionsOf,
  withoutRestriction,
  type Restriction,
} from "../view/excluding-filters.js";
import type { ViewState } from "../view/view-state.js";

const NAMES: Record<Restriction, string> = {
  vendor: "Vendor",
  product: "Product",
  category: "Category",
  origin: "Origin",
  destination: "Destination",
  buyer: "Buyer",
  dataset: "Dataset",
  period: "Period",
};

/** How a restriction reads: its name and the values the view holds, by their titles where known. */
function describe(view: ViewState, r: Restriction, dimensions: Dimensions | undefined): string {
  if (r === "period") return `${NAMES.period} ${view.from ?? "…"} to ${view.to ?? "…"}`;
  const titles: Record<string, string> = Object.fromEntries([
    ...(dimensions?.datasets.map((d) => [d.id, d.title]) ?? []),
    ...(dimensions?.vendors.map((v) => [v.id, v.name]) ?? []),
    ...(dimensions?.products.map((p) => [p.id, p.name]) ?? []),
    ...(dimensions?.buyers.map((b) => [b.id, b.name]) ?? []),
  ] as [string, string][]);
  return `${NAMES[r]}: ${view.filters[r].map((v) => titles[v] ?? v).join(", ")}`;
}

/**
 * What to say when a view has no figures: which filter leaves them all out (lifting it alone brings figures back),
 * with a button to clear it; failing that, every filter in force, each clearable.
 */
export function EmptyView({
  view,
  onChange,
  hint,
}: {
  view: ViewState;
  onChange: (next: ViewState) => void;
  /** What this chart in particular needs (a metric that adds up, a named destination), said first. */
  hint?: string | undefined;
}) {
  const dimensions = useQuery(dimensionsQueryOptions()).data;
  const restrictions = restrictionsOf(view);
  const answers = useQueries({ queries: restrictions.map((r) => figuresWithoutOptions(view, r)) });
  const excluding = restrictions.filter((_, i) => answers[i]?.data === true);
  const pending = answers.some((a) => a.isPending);
  const shown = excluding.length ? excluding : restrictions;
  return (
    <div className="empty-view">
      <p>
        No figures match this view. {hint ? `${hint} ` : ""}
        {pending
          ? "Looking for the filter that leaves them out…"
          : excluding.length
            ? `${excluding.length === 1 ? "This filter leaves" : "Each of these filters leaves"} out every figure of this metric:`
            : restrictions.length
              ? "No single filter explains it; these are in force:"
              : hint
                ? ""
                : "This metric has no figures yet."}
      </p>
      {!pending && shown.length ? (
        <ul className="excluding-filters">
          {shown.map((r) => (
            <li key={r}>
              {describe(view, r, dimensions)}{" "}
              <button type="button" onClick={() => onChange(withoutRestriction(view, r))}>
                Clear {NAMES[r].toLowerCase()}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
