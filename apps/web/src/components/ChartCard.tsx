import type { Source } from "@chipflow/core";
import { lazy, Suspense, useRef, useState, type ReactNode } from "react";
import type { ChartLinks } from "../downloads/chart-links.js";
import { MarkDetails } from "./MarkDetails.js";
import type { Selection } from "./selection.js";
import { SourceLine } from "./SourceLine.js";
import { useElementWidth } from "./useElementWidth.js";

// The downloads (citations, snippets, picture export) load when a reader first asks for them.
const DownloadPanel = lazy(() => import("./DownloadPanel.js"));

export interface ChartCardProps {
  id: string;
  title: string;
  subtitle: string;
  /** Units as written under the title of a download, e.g. "US dollars per quarter". */
  units: string;
  status: "pending" | "error" | "success";
  error?: Error | null;
  empty: boolean;
  /** A changed view is loading while the previous one is still shown. */
  updating?: boolean;
  /** What to say, and offer to change, when nothing matches. */
  emptyView?: ReactNode;
  /** What to show when the data could not load (default: the error's message). */
  errorView?: ReactNode;
  sources: Source[];
  /** Sources of other marks (policy events), looked up when one is selected but left out of the source line. */
  eventSources?: Source[];
  /** The chart's view, embed and data as URLs, offered by its download panel. */
  links: ChartLinks;
  /** Height of the chart at a given width, so the placeholder takes the same room (no layout jump). */
  heightAt: (width: number) => number;
  showTable: boolean;
  onToggleTable: () => void;
  chart: (width: number, onSelect: (s: Selection) => void) => ReactNode;
  table: () => ReactNode;
  legend?: ReactNode;
  controls?: ReactNode;
  /** A choice the whole chart depends on (the basis of its figures), shown between the title and the chart. */
  banner?: ReactNode;
}

/**
 * A chart with its title, controls, download panel, states, provenance of the selected mark, and source line.
 */
export function ChartCard(props: ChartCardProps) {
  const { id, title, subtitle, status, empty, sources, showTable } = props;
  const [frameRef, width, measured] = useElementWidth<HTMLDivElement>();
  const [selection, setSelection] = useState<Selection | null>(null);
  const svgRef = useRef<HTMLDivElement>(null);
  const downloadButton = useRef<HTMLButtonElement>(null);
  const [downloading, setDownloading] = useState(false);
  const height = props.heightAt(width);
  const ready = status === "success" && !empty;
  const svg = () => svgRef.current?.querySelector<SVGSVGElement>("svg.chart") ?? null;
  const caption = { title, units: props.units, sources, url: props.links.viewUrl };

  return (
    <section
      className="card chart-card"
      id={id}
      aria-labelledby={`${id}-title`}
      aria-busy={status === "pending" || props.updating}
    >
      <header className="card-header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          <p className="subtitle">{subtitle}</p>
        </div>
        <div className="toolbar" role="toolbar" aria-label={`${title}: view and downloads`}>
          {props.controls}
          <button type="button" aria-pressed={showTable} onClick={props.onToggleTable} disabled={!ready}>
            {showTable ? "Chart" : "Table"}
          </button>
          <button
            type="button"
            ref={downloadButton}
            aria-haspopup="dialog"
            aria-label={`${title}: download, cite or embed`}
            disabled={status !== "success"}
            onClick={() => setDownloading(true)}
          >
            Download
          </button>
        </div>
      </header>
      {downloading ? (
        <Suspense fallback={null}>
          <DownloadPanel
            id={id}
            caption={caption}
            links={props.links}
            svg={ready && !showTable ? svg : null}
            onClose={() => {
              setDownloading(false);
              downloadButton.current?.focus();
            }}
          />
        </Suspense>
      ) : null}
      {props.banner}
      <div
        className={props.updating ? "chart-frame updating" : "chart-frame"}
        ref={frameRef}
        style={{ minHeight: showTable ? undefined : height }}
      >
        {status === "pending" ? (
          <div className="placeholder" style={{ height }} role="status">
            Loading…
          </div>
        ) : status === "error" ? (
          <div className="placeholder error" style={{ height }} role="alert">
            {props.errorView ?? `Could not load this chart: ${props.error?.message ?? "unknown error"}`}
          </div>
        ) : empty ? (
          <div className="placeholder empty" style={{ minHeight: height }} role="status">
            {props.emptyView ?? "No figures match this view. Widen the filters or the period."}
          </div>
        ) : showTable ? (
          props.table()
        ) : (
          // Drawn once the frame's width is known (before the first paint): never laid out twice.
          <div ref={svgRef}>{measured ? props.chart(width, setSelection) : null}</div>
        )}
      </div>
      {ready && !showTable ? props.legend : null}
      {ready ? <MarkDetails selection={selection} sources={[...sources, ...(props.eventSources ?? [])]} /> : null}
      <SourceLine sources={sources} moreHref={props.links.sourcesUrl} />
    </section>
  );
}
