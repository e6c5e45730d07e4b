import { SOURCE_CSV_COLUMNS, type ExportParams, type Source } from "@chipflow/core";
import { neutraliseCell } from "@chipflow/db";
import { stringify } from "csv-stringify";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Readable } from "node:stream";
import { sendViewXlsx } from "./send-xlsx.js";

export type CsvCell = string | number | boolean | null | undefined;

const toCell = (v: CsvCell) =>
  v === null || v === undefined ? "" : typeof v === "string" ? neutraliseCell(v) : String(v);

function* toCells(rows: Iterable<CsvCell[]>): Generator<string[]> {
  for (const row of rows) yield row.map(toCell);
}

/** A filename part from a query value: letters, digits, dot, dash and underscore only. */
export const safeName = (s: string) => s.replace(/[^\w.-]+/g, "_").slice(0, 60);

/**
 * Streams rows as RFC 4180 CSV (CRLF line ends, UTF-8, optional BOM, a header row) with a download filename.
 * Text cells that a spreadsheet would run as a formula are neutralised; numbers stay numbers.
 */
export function sendCsv(
  reply: FastifyReply,
  options: { filename: string; columns: readonly string[]; rows: Iterable<CsvCell[]>; bom: boolean },
) {
  const csv = stringify({ header: true, columns: [...options.columns], bom: options.bom, record_delimiter: "\r\n" });
  return reply
    .header("Content-Type", "text/csv; charset=utf-8")
    .header("Content-Disposition", `attachment; filename="${options.filename}"`)
    .send(Readable.from(toCells(options.rows)).pipe(csv));
}

/** The URL of the same query with `part=sources`: the sources of a CSV download. */
export function sourcesUrl(request: FastifyRequest): string {
  const url = new URL(request.url, "http://localhost");
  url.searchParams.set("part", "sources");
  return `${url.pathname}${url.search}`;
}

/**
 * Sends a view as CSV: `part=data` gives the rows with a `Link` header to their sources (`rel="describedby"`),
 * `part=sources` gives those sources. Asked as `.xlsx`, sends one workbook holding both (`sendViewXlsx`).
 */
export function sendViewCsv(
  request: FastifyRequest,
  reply: FastifyReply,
  params: ExportParams,
  view: { name: string; columns: readonly string[]; rows: Iterable<CsvCell[]>; sources: Source[] },
) {
  if (request.url.split("?")[0]!.endsWith(".xlsx")) return sendViewXlsx(reply, view);
  if (params.part === "sources") {
    return sendCsv(reply, {
      filename: `${view.name}-sources.csv`,
      columns: SOURCE_CSV_COLUMNS,
      rows: view.sources.map((s) => [s.id, s.publisher, s.title, s.publishedOn, s.url, s.locator, s.type, s.notes]),
      bom: params.bom,
    });
  }
  void reply.header("Link", `<${sourcesUrl(request)}>; rel="describedby"; type="text/csv"`);
  return sendCsv(reply, { filename: `${view.name}.csv`, columns: view.columns, rows: view.rows, bom: params.bom });
}
