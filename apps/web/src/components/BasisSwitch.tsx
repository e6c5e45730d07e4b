import { NVIDIA_BASES, NVIDIA_BASES_EXPLAINED, basisOfView, withBasis } from "../view/bases.js";
import type { ViewState } from "../view/view-state.js";

/** One basis at a time for NVIDIA's revenue by geography, with what tells the two apart. */
export function BasisSwitch({ view, onChange }: { view: ViewState; onChange: (next: ViewState) => void }) {
  const current = basisOfView(view);
  return (
    <div className="basis-switch">
      <span role="radiogroup" aria-label="Geographic basis of NVIDIA's revenue">
        Basis:{" "}
        {NVIDIA_BASES.map((b) => (
          <button
            key={b.dataset}
            type="button"
            role="radio"
            aria-checked={current?.dataset === b.dataset}
            onClick={() => onChange(withBasis(view, b))}
          >
            {b.label}
          </button>
        ))}
      </span>
      <details>
        <summary>What is the difference?</summary>
        <p>
          {NVIDIA_BASES_EXPLAINED}
          {current ? "" : " This view holds no basis yet: choose one, or its figures may mix both."}
        </p>
      </details>
    </div>
  );
}
