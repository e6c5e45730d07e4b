import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { healthQueryOptions } from "../api/health.js";
import { downloadPng, downloadSvg, type ChartCaption } from "../charts/export-chart.js";
import type { ChartLinks } from "../downloads/chart-links.js";
import { toBibtex, toCitationText } from "../downloads/citation.js";
import { toEmbedSnippet, toPandasSnippet, toRSnippet } from "../downloads/code-snippets.js";
import { CopyField } from "./CopyField.js";
import { trapFocus } from "./trap-focus.js";

export interface DownloadPanelProps {
  /** The chart's card id: file names and the citation key. */
  id: string;
  caption: ChartCaption;
  links: ChartLinks;
  /** The drawn chart, or null while it is shown as a table (then there is no picture to save). */
  svg: (() => SVGSVGElement | null) | null;
  onClose: () => void;
}

/**
 * A chart's downloads in a modal dialog: its data (the figures drawn, and every figure behind the view), its
 * picture, a citation, and the same data through the API and in code. Escape, the close button or a click
 * outside closes it; loaded on first use.
 */
export default function DownloadPanel({ id, caption, links, svg, onClose }: DownloadPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const health = useQuery(healthQueryOptions());
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  const titleId = `${id}-download-title`;
  const citation = {
    chart: id,
    title: caption.title,
    viewUrl: links.viewUrl,
    sources: caption.sources,
    dataVersion: health.data?.dataVersion ?? null,
    importedAt: health.data?.importedAt ?? null,
    retrievedOn: new Date().toISOString().slice(0, 10),
  };
  const save = (as: (svg: SVGSVGElement, caption: ChartCaption, filename: string) => unknown) => {
    const drawn = svg?.();
    if (drawn) void as(drawn, caption, id);
  };
  return (
    <dialog
      ref={dialog}
      className="download-panel"
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={(e) => trapFocus(e, e.currentTarget)}
      onClick={(e) => {
        if (e.target === dialog.current) dialog.current.close(); // a click on the backdrop
      }}
    >
      <div className="download-body">
        <header className="download-header">
          <h2 id={titleId}>Download: {caption.title}</h2>
          <button type="button" className="close" aria-label="Close" onClick={() => dialog.current?.close()}>
            ×
          </button>
        </header>

        <section aria-labelledby={`${titleId}-data`}>
          <h3 id={`${titleId}-data`}>Data</h3>
          <ul className="download-list">
            <li>
              <a className="button" data-download="visible-csv" href={links.csvUrl} download={`${id}.csv`}>
                CSV of the visible data
              </a>{" "}
              The figures this chart draws, with the same filters and period: the API&apos;s CSV of the chart&apos;s own
              query.
            </li>
            <li>
              <a className="button" data-download="full-csv" href={links.fullCsvUrl} download={`${id}-facts.csv`}>
                CSV of the full data
              </a>{" "}
              Every stored figure behind this view, one row each with its source: this metric, filters and period,
              before the chart groups them, keeps the largest, and settles totals and competing estimates.
            </li>
          </ul>
        </section>

        <section aria-labelledby={`${titleId}-picture`}>
          <h3 id={`${titleId}-picture`}>Picture</h3>
          <p className="download-actions">
            <button type="button" disabled={!svg} onClick={() => save(downloadSvg)}>
              SVG
            </button>
            <button type="button" disabled={!svg} onClick={() => save(downloadPng)}>
              PNG
            </button>{" "}
            {svg
              ? "With the title, units, source line and this view's address."
              : "Switch back to the chart to save it as a picture."}
          </p>
        </section>

        <section aria-labelledby={`${titleId}-cite`}>
          <h3 id={`${titleId}-cite`}>Cite</h3>
          <p className="hint" role="status">
            {health.data
              ? `Data version ${health.data.dataVersion}, last imported ${health.data.importedAt?.slice(0, 10) ?? "unknown"}.`
              : health.isError
                ? "The data version could not be read: the citation says so."
                : "Reading the data version…"}
          </p>
          <CopyField name="citation" label="Citation" value={toCitationText(citation)} rows={4} />
          <CopyField name="bibtex" label="BibTeX" value={toBibtex(citation)} rows={8} />
        </section>

        <section aria-labelledby={`${titleId}-code`}>
          <h3 id={`${titleId}-code`}>Use the data</h3>
          <CopyField name="api-url" label="API URL (JSON)" value={links.jsonUrl} rows={2} />
          <CopyField name="pandas" label="Python (pandas)" value={toPandasSnippet(links.csvDataUrl)} rows={2} />
          <CopyField name="r" label="R" value={toRSnippet(links.csvDataUrl)} rows={2} />
        </section>

        <section aria-labelledby={`${titleId}-embed`}>
          <h3 id={`${titleId}-embed`}>Embed</h3>
          <CopyField
            name="embed"
            label="HTML for another page"
            value={toEmbedSnippet(links.embedUrl, caption.title)}
            rows={3}
          />
          <p className="hint">
            <a href={links.embedUrl} target="_blank" rel="noreferrer">
              The chart alone
            </a>
            , as the frame shows it.
          </p>
        </section>
      </div>
    </dialog>
  );
}
