import { z } from "zod";
import { CONFIDENCES, ESTIMATE_KINDS } from "./enums.js";
import { alternativeSchema } from "./api-types.js";

const nullableNumber = z.number().nullable();

/**
 * One resolved figure: the value of a cell (a group over a period) after the aggregation rules —
 * a reported total wins over the sum of its parts, competing estimates are never added (the preferred one gives
 * `value`, the others are `alternatives`), and datasets on different bases are never mixed (`datasetId` says
 * which one gave the value; other datasets' figures for the cell are alternatives).
 */
export const figureSchema = z.object({
  value: nullableNumber.describe("the preferred figure; null when only a range is known"),
  low: nullableNumber.describe("lowest of the preferred figure and its alternatives (or the sum of the parts' lows)"),
  high: nullableNumber.describe(
    "highest of the preferred figure and its alternatives (or the sum of the parts' highs)",
  ),
  estimateKind: z
    .enum(ESTIMATE_KINDS)
    .describe("the weakest kind among the facts used: forecast < estimate < reported"),
  confidence: z.enum(CONFIDENCES).nullable(),
  basis: z.enum(["reported", "sum"]).describe("reported: one fact gives this figure; sum: added up from its parts"),
  datasetId: z.string().describe("the dataset whose facts give the value"),
  sourceIds: z.array(z.number().int()).describe("sources of the facts that give the value"),
  alternatives: z.array(alternativeSchema).describe("competing estimates of the same cell, never added to value"),
  factCount: z.number().int().describe("facts behind the value (after dropping parts of reported totals)"),
});
export type Figure = z.infer<typeof figureSchema>;
