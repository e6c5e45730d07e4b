import type { Source } from "@chipflow/core";
import type { Selection } from "./selection.js";
import { SourceCitation } from "./SourceCitation.js";

/** The provenance of the selected mark: its figure and kind, and every source behind it with a link. */
export function MarkDetails({ selection, sources }: { selection: Selection | null; sources: Source[] }) {
  if (!selection) {
    return (
      <p className="mark-details hint" aria-live="polite">
        Point at, tap or tab to a mark to see its sources.
      </p>
    );
  }
  const byId = new Map(sources.map((s) => [s.id, s]));
  const own = selection.sourceIds.map((id) => byId.get(id)).filter((s): s is Source => s !== undefined);
  return (
    <div className="mark-details" aria-live="polite">
      <p>
        <strong>{selection.heading}</strong>
        {selection.value ? `: ${selection.value}` : ""}
        {selection.kind ? <span className={`kind kind-${selection.kind}`}>{selection.kind}</span> : null}
      </p>
      {selection.basis ? <p className="basis">On the {selection.basis}.</p> : null}
      {selection.description ? <p className="description">{selection.description}</p> : null}
      <ul className="mark-sources">
        {own.map((s) => (
          <li key={s.id} data-source-id={s.id}>
            <SourceCitation source={s} />
          </li>
        ))}
      </ul>
    </div>
  );
}
