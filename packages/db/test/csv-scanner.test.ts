import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvScanner, type RawCsvRecord } from "../src/import/csv-scanner.js";
import { readCsvRecords } from "../src/import/read-csv-records.js";

type Outcome = { records: RawCsvRecord[] } | { code: string; lines: number; message: string };

/** What csv-parse, the reference, makes of a whole text with the options the importer used to give it. */
function reference(text: Buffer): Outcome {
  try {
    const options = { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false } as const;
    const rows = parse(text, options) as unknown as { record: string[]; info: { lines: number } }[];
    return { records: rows.map((r) => ({ line: r.info.lines, fields: r.record })) };
  } catch (error) {
    const e = error as Error & { code: string; lines: number };
    return { code: e.code, lines: e.lines, message: e.message };
  }
}

/** The scanner's reading of the same text, fed in chunks of `size` bytes. */
function scanned(text: Buffer, size: number): Outcome {
  const scanner = new CsvScanner();
  const records: RawCsvRecord[] = [];
  try {
    for (let i = 0; i < text.length; i += size) records.push(...scanner.push(text.subarray(i, i + size)));
    records.push(...scanner.end());
    return { records };
  } catch (error) {
    const e = error as Error & { code: string; lines: number };
    return { code: e.code, lines: e.lines, message: e.message };
  }
}

/**
 * Texts over a small alphabet, so that quotes, commas and line breaks meet in every order; each text breaks its
 * lines one way (CRLF, LF or CR), as a file does: a file that mixes them is refused (see below), where csv-parse
 * would read a stray break as data.
 */
const texts = fc
  .constantFrom("\r\n", "\n", "\r")
  .chain((lineBreak) =>
    fc.array(fc.constantFrom("a", "b", ",", '"', lineBreak, " ", "é", "\u0000", '""', "\uFEFF"), { maxLength: 40 }),
  )
  .map((parts) => Buffer.from(parts.join(""), "utf8"));

describe("CsvScanner, the import's CSV reader", () => {
  it("reads every text as csv-parse does: same fields, same line numbers, same errors (any chunk size)", () => {
    fc.assert(
      fc.property(texts, fc.integer({ min: 1, max: 7 }), (text, size) => {
        expect(scanned(text, size)).toEqual(reference(text));
        expect(scanned(text, text.length + 1)).toEqual(reference(text));
      }),
      { numRuns: 20000, seed: 4180 },
    );
  });

  // csv-parse counts a CRLF inside quotes as two lines (CR and LF each move the line on); the scanner keeps that
  // count so that errors name the same lines as before.
  it("skips a UTF-8 byte-order mark, keeps quoted commas, quotes and line breaks, and numbers lines as before", () => {
    const text = Buffer.from('\uFEFFa,b\r\n"x,1","say ""hi""\r\nthere"\r\n\r\nlast,', "utf8");
    expect(scanned(text, 3)).toEqual({
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 4, fields: ["x,1", 'say "hi"\r\nthere'] },
        { line: 6, fields: ["last", ""] },
      ],
    });
    expect(scanned(text, 3)).toEqual(reference(text));
  });

  it("fails on a file that ends inside quotes, naming the line the quote is on", async () => {
    const input = Readable.from([Buffer.from('h1,h2\nv1,"cut\n')]);
    const read = async () => {
      for await (const _ of readCsvRecords(input));
    };
    await expect(read()).rejects.toMatchObject({ code: "CSV_QUOTE_NOT_CLOSED", lines: 2 });
  });

  it.each([
    ["a,b\r\n1,2\n3,4\r\n", 2, "LF", "CRLF"],
    ['a,b\r\n"1",2\r\n"3"\n', 3, "LF", "CRLF"],
    ["a,b\n1,2\r\n", 2, "CR", "LF"],
  ])("refuses a file that mixes line endings, naming the line: %j", (text, line, found, first) => {
    expect(scanned(Buffer.from(text), 4)).toEqual({
      code: "CSV_MIXED_LINE_ENDINGS",
      lines: line,
      message: `line ${line} ends with ${found} where the file's first line ends with ${first}: the file mixes line endings; save it with one kind (CRLF or LF) throughout`,
    });
  });
});
