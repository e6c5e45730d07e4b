import type { Source, SummaryTile } from "@chipflow/core";
import { useQuery } from "@tanstack/react-query";
import { summaryQueryOptions } from "../api/summary.js";
import { formatValue } from "../charts/format.js";
import { SourceCitation } from "./SourceCitation.js";

const KIND_NOTE = {
  reported: "reported by its source, not an estimate",
  estimate: "analyst estimate, not a company disclosure",
  forecast: "analyst estimate made as a forecast for the period, not a company disclosure",
} as const;

/** What kind of figure a tile shows, in words: a reported figure added up from its parts says so. */
const kindNote = ({ estimateKind, basis }: SummaryTile["figure"]) =>
  estimateKind === "reported" && basis === "sum"
    ? "added up from figures reported by their sources, not an estimate"
    : KIND_NOTE[estimateKind];

/** The badge: a tile says whether its figure was disclosed or estimated; the note gives the exact kind. */
const BADGE = { reported: "reported", estimate: "estimate", forecast: "estimate" } as const;

/** The headline figures, each with its kind, range and sources. */
export function HeadlineTiles() {
  const { data, status, error } = useQuery(summaryQueryOptions());
  if (status === "error") {
    return (
      <div className="tiles" role="alert">
        <p className="tile error">Could not load the headline figures: {error.message}</p>
      </div>
    );
  }
  return (
    <div className="tiles" aria-busy={status === "pending"} aria-label="Headline figures">
      {status === "pending"
        ? [0, 1].map((i) => <div key={i} className="tile placeholder-tile" aria-hidden="true" />)
        : data.tiles.map((t) => <Tile key={t.id} tile={t} sources={data.sources} />)}
    </div>
  );
}

function Tile({ tile, sources }: { tile: SummaryTile; sources: Source[] }) {
  const { figure, metric } = tile;
  const ids = new Set([...figure.sourceIds, ...figure.alternatives.map((a) => a.sourceId)]);
  const own = sources.filter((s) => ids.has(s.id));
  const fmt = (v: number | null) => formatValue(v, metric.unit);
  return (
    <article className="tile" data-tile={tile.id} aria-labelledby={`tile-${tile.id}`}>
      <h2 id={`tile-${tile.id}`}>{tile.title}</h2>
      <p className="tile-value">
        <span className="value">{fmt(figure.value)}</span>
        <span className={`kind kind-${figure.estimateKind}`} title={figure.estimateKind}>
          {BADGE[figure.estimateKind]}
        </span>
      </p>
      <p className="tile-note">
        {figure.low !== null && figure.high !== null && figure.high > figure.low
          ? `Range ${fmt(figure.low)} – ${fmt(figure.high)}; `
          : ""}
        {kindNote(figure)}
        {figure.alternatives.length > 0 ? `; ${figure.alternatives.length} competing figure(s) kept apart` : ""}.
      </p>
      <details className="tile-sources">
        <summary>
          {own.length} source{own.length === 1 ? "" : "s"}
        </summary>
        <ul>
          {own.map((s) => (
            <li key={s.id}>
              <SourceCitation source={s} />
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
