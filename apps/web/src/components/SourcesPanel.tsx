import type { Source } from "@chipflow/core";
import { SourceCitation } from "./SourceCitation.js";

/** Every source behind the current view, with publisher, title, date, link, where in it, and primary or not. */
export function SourcesPanel({ sources }: { sources: Source[] }) {
  const sorted = [...sources].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.id - b.id);
  const primary = sorted.filter((s) => s.type === "primary").length;
  return (
    <section className="card sources-panel" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources behind this view ({sorted.length})</h2>
      <p className="subtitle">
        Each figure keeps its source: {primary} of {sorted.length} are primary documents (the issuer's or regulator's
        own). Analyst estimates and forecasts are marked as such and never averaged.
      </p>
      <ol className="sources-list">
        {sorted.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            <SourceCitation source={s} />
            {s.notes ? <span className="notes"> — {s.notes}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
