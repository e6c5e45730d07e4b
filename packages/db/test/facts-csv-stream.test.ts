import { FACT_COLUMNS } from "@chipflow/core";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { toCsvLine, writeFactCsvCells } from "../src/export/facts-csv-stream.js";
import { neutraliseCell } from "../src/export/neutralise-cell.js";

/**
 * What csv-stringify, the reference the export used before, writes for the same cells (its quoting: any CR or LF
 * in a cell is quoted), the record ended by RFC 4180's CRLF.
 */
const reference = (cells: (string | number | null)[]) =>
  stringify([cells.map((c) => (c === null ? "" : typeof c === "number" ? String(c) : neutraliseCell(c)))]).replace(
    /\n$/,
    "\r\n",
  );

const cell = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.string({ maxLength: 10 }),
  fc
    .array(fc.constantFrom("a", ",", '"', "\n", "\r", "=", "+", "-", "@", "\t", " ", "1", ".", "e", "é"), {
      maxLength: 8,
    })
    .map((parts) => parts.join("")),
);

describe("the facts CSV writer", () => {
  it("writes every row as csv-stringify did, formulas neutralised and numbers kept", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 20 }), (cells) => {
        expect(toCsvLine(cells)).toBe(reference(cells));
      }),
      { numRuns: 5000, seed: 4180 },
    );
  });

  it("quotes what needs quotes and neutralises formulas", () => {
    expect(toCsvLine(["=1+2", "-5", -5, "a,b", 'say "hi"', "two\nlines", null, "@x", ""])).toBe(
      `'=1+2,-5,-5,"a,b","say ""hi""","two\nlines",,'@x,\r\n`,
    );
  });

  it("streams a header, then every row, in chunks, and counts the rows", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => FACT_COLUMNS.map((c) => (c === "value" ? i : `${c} ${i}`)));
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (c: Buffer) => chunks.push(c.toString()));
    expect(await writeFactCsvCells(rows, out, { bom: true })).toBe(1500);
    const lines = chunks.join("").split("\r\n"); // RFC 4180 line ends
    expect(lines[0]).toBe(`\uFEFF${FACT_COLUMNS.join(",")}`);
    expect(lines).toHaveLength(1502);
    expect(lines[1500]).toBe(FACT_COLUMNS.map((c) => (c === "value" ? "1499" : `${c} 1499`)).join(","));
    expect(lines[1501]).toBe("");
  });
});
