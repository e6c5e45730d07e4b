import type { Figure } from "@chipflow/core";
import { weakestKind } from "./resolve-cell.js";
import { sortedIds } from "./sorted-ids.js";

const sum = (xs: (number | null)[]) => (xs.every((x) => x !== null) ? xs.reduce((s, x) => s + x, 0) : null);

/**
 * Adds up figures of disjoint cells (different products, destinations or origins). One figure passes through
 * unchanged; several become a `sum` with the sources of all and no alternatives (each part keeps its own).
 */
export function sumFigures(figures: Figure[]): Figure {
  if (figures.length === 1) return figures[0]!;
  const datasets = [...new Set(figures.map((f) => f.datasetId))];
  return {
    value: sum(figures.map((f) => f.value)),
    low: sum(figures.map((f) => f.low)),
    high: sum(figures.map((f) => f.high)),
    estimateKind: weakestKind(figures.map((f) => f.estimateKind)),
    confidence: figures.some((f) => f.confidence === "low")
      ? "low"
      : figures.some((f) => f.confidence === "medium")
        ? "medium"
        : (figures[0]?.confidence ?? null),
    basis: "sum",
    datasetId: datasets.join(","),
    sourceIds: sortedIds(figures.flatMap((f) => f.sourceIds)),
    alternatives: [],
    factCount: figures.reduce((n, f) => n + f.factCount, 0),
  };
}
