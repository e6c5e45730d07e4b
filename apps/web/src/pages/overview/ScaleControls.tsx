import { MODE_LABELS, SERIES_MODES, type SeriesMode } from "../../charts/time-series/transforms.js";

export interface ScaleControlsProps {
  scale: "linear" | "log";
  mode: SeriesMode;
  /** Why the log scale is not offered, or null when it is. */
  logUnavailable: string | null;
  /** Why each mode is not offered, or null when it is. */
  modeUnavailable: Record<SeriesMode, string | null>;
  onScale: (scale: "linear" | "log") => void;
  onMode: (mode: SeriesMode) => void;
}

/**
 * The time series' scale (Linear | Log) and what it draws (Values | Indexed | Share of total). A choice the figures
 * do not allow stays in view, unavailable, with the reason as its tooltip (a disabled button would show none).
 */
export function ScaleControls(props: ScaleControlsProps) {
  const option = (label: string, pressed: boolean, reason: string | null, onPick: () => void, hint?: string) => (
    <button
      key={label}
      type="button"
      aria-pressed={pressed}
      aria-disabled={reason !== null}
      title={reason ?? hint}
      onClick={() => {
        if (reason === null && !pressed) onPick();
      }}
    >
      {label}
    </button>
  );
  return (
    <>
      <div className="segmented scale-switch" role="group" aria-label="Scale">
        {option("Linear", props.scale === "linear", null, () => props.onScale("linear"))}
        {option(
          "Log",
          props.scale === "log",
          props.logUnavailable,
          () => props.onScale("log"),
          "Growth reads alike at any size; figures at or below zero are left out",
        )}
      </div>
      <div className="segmented mode-switch" role="group" aria-label="Values, index or share">
        {SERIES_MODES.map((m) =>
          option(MODE_LABELS[m], props.mode === m, props.modeUnavailable[m], () => props.onMode(m)),
        )}
      </div>
    </>
  );
}
