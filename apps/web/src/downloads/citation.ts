import type { Source } from "@chipflow/core";
import { toSourceText } from "../charts/export-chart.js";

/** What a citation of one chart names: the chart, the view's URL, its sources, and the data's version and date. */
export interface CitationInput {
  /** The card's id, part of the BibTeX key. */
  chart: string;
  title: string;
  viewUrl: string;
  sources: Source[];
  /** From `/api/health`; null while unknown. */
  dataVersion: string | null;
  /** When the data was last imported (ISO 8601), from `/api/health`; null while unknown. */
  importedAt: string | null;
  /** The day the figures were read, `YYYY-MM-DD`. */
  retrievedOn: string;
}

const dayOf = (iso: string | null) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : null);

/** "Data version 3kX…, last imported 2026-03-01", or what is not known of it. */
function toVersionText({ dataVersion, importedAt }: CitationInput): string {
  const day = dayOf(importedAt);
  return `Data version ${dataVersion ?? "unknown"}${day ? `, last imported ${day}` : ""}`;
}

/** The year a citation gives: the data's last import, else the day it was read. */
const yearOf = (input: CitationInput) => (dayOf(input.importedAt) ?? input.retrievedOn).slice(0, 4);

/** The sources after the version, when there are any (the chart's own line, cut to a sentence). */
const toSourcesText = (sources: Source[]) => (sources.length > 0 ? ` ${toSourceText(sources, 240)}.` : "");

/**
 * A citation as text, in the way data sets are cited: `chipflow (2026). “Title” [data set]. Data version …, last
 * imported …. Sources: …. Retrieved 2026-03-04 from <url>.`
 */
export function toCitationText(input: CitationInput): string {
  return (
    `chipflow (${yearOf(input)}). “${input.title}” [data set]. ${toVersionText(input)}.` +
    `${toSourcesText(input.sources)} Retrieved ${input.retrievedOn} from ${input.viewUrl}`
  );
}

/** Text in a BibTeX field: LaTeX's special characters escaped; the URL field is verbatim and needs none. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_^~]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`,
  );
}

/** A BibTeX `@misc` entry of the chart, keyed by chart and data version so that each version cites apart. */
export function toBibtex(input: CitationInput): string {
  const key = `chipflow-${input.chart}-${(input.dataVersion ?? yearOf(input)).replace(/[^\w-]/g, "")}`;
  const fields: [string, string][] = [
    ["author", "{chipflow}"],
    ["title", `{${escapeBibtex(input.title)}}`],
    ["year", yearOf(input)],
    ["note", escapeBibtex(`${toVersionText(input)}.${toSourcesText(input.sources)}`)],
    ["url", input.viewUrl],
    ["urldate", input.retrievedOn],
  ];
  return [`@misc{${key},`, ...fields.map(([k, v]) => `  ${k} = {${v}},`), "}"].join("\n");
}
