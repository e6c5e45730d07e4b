import { z } from "zod";
import { isCountryCode } from "./countries.js";
import { isIsoDate } from "./periods.js";

/** A comma-separated or repeated query parameter, as a list of trimmed values. */
export const listParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) =>
    (v === undefined ? [] : Array.isArray(v) ? v : [v])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );

/** A list of ISO 3166-1 alpha-3 codes (or WLD, ROW). */
export const countryListParam = listParam.refine((codes) => codes.every(isCountryCode), {
  message: "expected ISO 3166-1 alpha-3 codes such as CHN,USA (or WLD, ROW)",
});

/** A calendar date written YYYY-MM-DD. */
export const dateParam = z
  .string()
  .refine(isIsoDate, { message: "expected a date as YYYY-MM-DD, for example 2024-01-01" });

/** One of a fixed list of values; the error names the parameter and every allowed value. */
export const enumParam = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z.enum(values, { error: () => `invalid ${name}: expected one of ${values.join(", ")}` });

/** A flag written 1/0 or true/false. */
export const flagParam = z
  .enum(["0", "1", "true", "false"], { error: () => "expected 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");

/** Refinement shared by every query with a period: `from` must not be after `to`. */
export const fromBeforeTo = <T extends { from?: string | undefined; to?: string | undefined }>(q: T) =>
  q.from === undefined || q.to === undefined || q.from <= q.to;
export const fromBeforeToMessage = {
  message: "from must be on or before to (send from=YYYY-MM-DD earlier than to=YYYY-MM-DD)",
  path: ["from"],
};
