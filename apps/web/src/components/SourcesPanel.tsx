import type { Source } from "@chipflow/core";

/** Every source behind the current view, with publisher, title, date and link. */
export function SourcesPanel({ sources }: { sources: Source[] }) {
  const sorted = [...sources].sort((a, b) => a.publisher.localeCompare(b.publisher) || a.id - b.id);
  return (
    <section className="card sources-panel" aria-labelledby="sources-title">
      <h2 id="sources-title">Sources behind this view ({sorted.length})</h2>
      <p className="subtitle">
        Each figure keeps its source. Analyst estimates and forecasts are marked as such and never averaged.
      </p>
      <ol className="sources-list">
        {sorted.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            <span className="publisher">{s.publisher}</span>,{" "}
            <a href={s.url} target="_blank" rel="noreferrer">
              {s.title}
            </a>{" "}
            <span className="date">({s.publishedOn})</span>
            {s.notes ? <span className="notes"> — {s.notes}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
