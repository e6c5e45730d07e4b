import { useEffect, useState } from "react";
import { MAP_CATEGORIES, MAP_CATEGORY_LABELS, type MapCategory, type ViewState } from "../../view/view-state.js";

/** How long the timeline rests on each year while it plays. */
export const PLAY_STEP_MS = 1200;

/**
 * The map's own choices: a product category, and a year with a timeline that scrubs or plays through the years
 * that have figures. Playing replaces the URL rather than adding a history entry per year.
 */
export function MapControls({
  view,
  years,
  onChange,
}: {
  view: ViewState;
  years: readonly number[];
  onChange: (next: ViewState, options?: { replace?: boolean }) => void;
}) {
  const [playing, setPlaying] = useState(false);
  const index = view.mapYear === undefined ? -1 : years.indexOf(view.mapYear);
  const category = view.mapCategory ?? (view.filters.category.length === 0 ? "all" : "");

  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = years[index + 1];
      if (next === undefined) setPlaying(false);
      else onChange({ ...view, mapYear: next }, { replace: true });
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, years, view, onChange]);

  const play = () => {
    // From the end, or from no year chosen, playing starts again at the first year.
    if (index === -1 || index === years.length - 1) onChange({ ...view, mapYear: years[0] }, { replace: true });
    setPlaying(true);
  };

  return (
    <form className="map-controls" aria-label="Map: product and year" onSubmit={(e) => e.preventDefault()}>
      <label>
        Products
        <select
          name="mapCategory"
          value={category}
          onChange={(e) => onChange({ ...view, mapCategory: e.target.value as MapCategory })}
        >
          {category === "" ? <option value="">As filtered</option> : null}
          {MAP_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {MAP_CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <div className="timeline" role="group" aria-label="Year">
        <button
          type="button"
          className="play"
          aria-pressed={playing}
          disabled={years.length < 2}
          onClick={() => (playing ? setPlaying(false) : play())}
        >
          {playing ? "Pause" : "Play"}
        </button>
        <input
          type="range"
          name="mapYear"
          id="map-year"
          aria-label="Year of the map"
          min={0}
          max={Math.max(0, years.length - 1)}
          step={1}
          value={Math.max(0, index)}
          disabled={years.length === 0}
          aria-valuetext={view.mapYear === undefined ? "every year of the view" : String(view.mapYear)}
          onChange={(e) => {
            setPlaying(false);
            onChange({ ...view, mapYear: years[Number(e.target.value)] });
          }}
        />
        <output className="map-year" htmlFor="map-year">
          {view.mapYear ?? "All years"}
        </output>
        {view.mapYear !== undefined ? (
          <button
            type="button"
            onClick={() => {
              setPlaying(false);
              onChange({ ...view, mapYear: undefined });
            }}
          >
            All years
          </button>
        ) : null}
      </div>
    </form>
  );
}
