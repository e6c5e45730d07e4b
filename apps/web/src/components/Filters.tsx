import { CATEGORIES, GROUP_BYS, INTERVALS, type Dimensions } from "@chipflow/core";
import { DEFAULT_VIEW, MARKS, type FilterKey, type ViewState } from "../view/view-state.js";
import { MultiSelect, type Option } from "./MultiSelect.js";
import { formatKeyword as label } from "../charts/format.js";

function optionsOf(dimensions: Dimensions): Record<FilterKey, Option[]> {
  // Shown by the UN name; found by it, its code or an alias such as a former common name ("Ivory Coast").
  const countries = dimensions.countries.map((c) => ({
    value: c.iso3,
    label: `${c.name} (${c.iso3})`,
    keywords: c.aliases,
  }));
  return {
    vendor: dimensions.vendors.map((v) => ({ value: v.id, label: v.name })),
    product: dimensions.products.map((p) => ({ value: p.id, label: p.name })),
    category: CATEGORIES.map((c) => ({ value: c, label: label(c) })),
    origin: countries,
    destination: countries,
    buyer: dimensions.buyers.map((b) => ({ value: b.id, label: b.name })),
    dataset: dimensions.datasets.map((d) => ({ value: d.id, label: d.title })),
  };
}

/** The calendar year a view's period covers exactly, if it does. */
function yearOf(view: ViewState): string | undefined {
  const y = view.from?.slice(0, 4);
  return y && view.from === `${y}-01-01` && view.to === `${y}-12-31` ? y : undefined;
}

function years(dimensions: Dimensions | undefined): string[] {
  const { from, to } = dimensions?.periodRange ?? { from: null, to: null };
  if (!from || !to) return [];
  const first = Number(from.slice(0, 4));
  return Array.from({ length: Number(to.slice(0, 4)) - first + 1 }, (_, i) => String(first + i));
}

/** Every filter of the view. Each change replaces the view, which writes it into the URL. */
export function Filters({
  view,
  dimensions,
  onChange,
}: {
  view: ViewState;
  dimensions: Dimensions | undefined;
  onChange: (next: ViewState) => void;
}) {
  const options = dimensions ? optionsOf(dimensions) : null;
  const active =
    Object.values(view.filters).filter((v) => v.length > 0).length + (view.from ? 1 : 0) + (view.to ? 1 : 0);
  const set = (patch: Partial<ViewState>) => onChange({ ...view, ...patch });
  const setFilter = (key: FilterKey, values: string[]) => set({ filters: { ...view.filters, [key]: values } });
  return (
    <details className="filters-panel" open={typeof window === "undefined" || window.innerWidth >= 720}>
      <summary>Filters and view{active > 0 ? ` (${active} filter${active > 1 ? "s" : ""} set)` : ""}</summary>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Metric
          <select
            name="metric"
            value={view.metric}
            onChange={(e) => set({ metric: e.target.value as ViewState["metric"] })}
          >
            {(dimensions?.metrics ?? [{ id: view.metric, label: view.metric }]).map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group by
          <select
            name="groupBy"
            value={view.groupBy}
            onChange={(e) => set({ groupBy: e.target.value as ViewState["groupBy"] })}
          >
            {GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {label(g)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Interval
          <select
            name="interval"
            value={view.interval}
            onChange={(e) => set({ interval: e.target.value as ViewState["interval"] })}
          >
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {label(i)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Draw as
          <select name="mark" value={view.mark} onChange={(e) => set({ mark: e.target.value as ViewState["mark"] })}>
            {MARKS.map((m) => (
              <option key={m} value={m}>
                {m === "line" ? "Lines" : "Stacked areas"}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year
          <select
            name="year"
            value={yearOf(view) ?? ""}
            onChange={(e) =>
              set(
                e.target.value
                  ? { from: `${e.target.value}-01-01`, to: `${e.target.value}-12-31` }
                  : { from: undefined, to: undefined },
              )
            }
          >
            <option value="">{yearOf(view) === undefined && (view.from || view.to) ? "custom" : "all"}</option>
            {years(dimensions).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            name="from"
            value={view.from ?? ""}
            onChange={(e) => set({ from: e.target.value || undefined })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            name="to"
            value={view.to ?? ""}
            onChange={(e) => set({ to: e.target.value || undefined })}
          />
        </label>
        {options
          ? (Object.keys(options) as FilterKey[]).map((key) => (
              <MultiSelect
                key={key}
                name={key}
                label={label(key)}
                options={options[key]}
                selected={view.filters[key]}
                onChange={(values) => setFilter(key, values)}
              />
            ))
          : null}
        <label className="check">
          <input
            type="checkbox"
            name="events"
            checked={view.events}
            onChange={(e) => set({ events: e.target.checked })}
          />
          Policy events
        </label>
        <button type="button" onClick={() => onChange(DEFAULT_VIEW)}>
          Reset
        </button>
      </form>
    </details>
  );
}
