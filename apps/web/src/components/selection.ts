import type { EstimateKind } from "@chipflow/core";

/** What a click, tap or keyboard focus on a mark shows: its figure, its kind and its sources. */
export interface Selection {
  heading: string;
  value?: string;
  kind?: EstimateKind;
  /** The basis of the figure (NVIDIA's revenue by geography is reported on two). */
  basis?: string;
  description?: string;
  sourceIds: number[];
}

/** Handlers that make an SVG mark selectable by pointer and keyboard alike. */
export function selectable(selection: Selection, onSelect: ((s: Selection) => void) | undefined) {
  if (!onSelect) return {};
  return {
    tabIndex: 0,
    onClick: () => onSelect(selection),
    onFocus: () => onSelect(selection),
    onMouseEnter: () => onSelect(selection),
    onKeyDown: (e: { key: string }) => {
      if (e.key === "Enter" || e.key === " ") onSelect(selection);
    },
  };
}
