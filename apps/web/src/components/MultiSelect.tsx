import { matchesSearch } from "@chipflow/core";
import { useState } from "react";

export interface Option {
  value: string;
  label: string;
  /** Other names a search finds the option by, never shown (a country's former common name). */
  keywords?: readonly string[];
}

/** Lists longer than this get a search box. */
export const SEARCH_FROM = 12;

/** The options a typed query finds by label or keyword; the chosen ones stay listed so they can be unticked. */
export function findOptions(options: readonly Option[], query: string, chosen: ReadonlySet<string>): Option[] {
  if (query.trim() === "") return [...options];
  return options.filter((o) => chosen.has(o.value) || matchesSearch(query, [o.label, ...(o.keywords ?? [])]));
}

/** A dropdown of checkboxes: native, keyboard-reachable, and it says how many values are chosen. */
export function MultiSelect({
  name,
  label,
  options,
  selected,
  onChange,
}: {
  name: string;
  label: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
}) {
  const [query, setQuery] = useState("");
  const chosen = new Set(selected);
  const shown = findOptions(options, query, chosen);
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <details className="multi-select" data-filter={name}>
      <summary>
        {label}
        {selected.length > 0 ? <span className="count">{selected.length}</span> : <span className="any">any</span>}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        {options.length > SEARCH_FROM ? (
          <input
            type="search"
            className="option-search"
            aria-label={`Search ${label.toLowerCase()}`}
            placeholder="Search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        ) : null}
        {selected.length > 0 ? (
          <button type="button" className="link" onClick={() => onChange([])}>
            Clear
          </button>
        ) : null}
        {shown.map((o) => (
          <label key={o.value}>
            <input
              type="checkbox"
              name={name}
              value={o.value}
              checked={chosen.has(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
        {shown.length === 0 ? <p className="no-match">Nothing matches “{query.trim()}”.</p> : null}
      </fieldset>
    </details>
  );
}
