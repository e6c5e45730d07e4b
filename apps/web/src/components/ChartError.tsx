import { CATEGORIES } from "@chipflow/core";
import { ApiRequestError } from "../api/fetch-json.js";
import type { ViewState } from "../view/view-state.js";
import { formatKeyword as label } from "../charts/format.js";

/**
 * Why a chart could not load. Units of different product categories are never added, so a view that would add them
 * asks for one category (the categories the API names, one button each) or for a comparison by category.
 */
export function ChartError({
  error,
  view,
  onChange,
}: {
  error: Error | null;
  view: ViewState;
  onChange: (next: ViewState) => void;
}) {
  if (!(error instanceof ApiRequestError) || error.code !== "UNITS_MIXED_CATEGORIES")
    return <>Could not load this chart: {error?.message ?? "unknown error"}</>;
  const words = new Set(error.message.split(/[\s,.]+/));
  const named = CATEGORIES.filter((c) => words.has(c));
  return (
    <div className="units-prompt">
      <p>
        Units of different things, such as chips and chip-making machines, are never added into one figure. Choose one
        product category{view.groupBy === "category" ? "" : ", or compare the categories side by side"}:
      </p>
      <ul>
        {named.map((c) => (
          <li key={c}>
            <button type="button" onClick={() => onChange({ ...view, filters: { ...view.filters, category: [c] } })}>
              {label(c)}
            </button>
          </li>
        ))}
        {view.groupBy === "category" ? null : (
          <li>
            <button type="button" onClick={() => onChange({ ...view, groupBy: "category", mark: "line" })}>
              Compare by category
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
