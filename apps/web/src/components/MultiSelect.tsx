export interface Option {
  value: string;
  label: string;
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
  const chosen = new Set(selected);
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
        {selected.length > 0 ? (
          <button type="button" className="link" onClick={() => onChange([])}>
            Clear
          </button>
        ) : null}
        {options.map((o) => (
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
      </fieldset>
    </details>
  );
}
