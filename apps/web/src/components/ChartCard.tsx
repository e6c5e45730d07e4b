import type { Source } from "@chipflow/core";
import { useRef, useState, type ReactNode } from "react";
import { downloadPng, downloadSvg } from "../charts/export-chart.js";
import { MarkDetails } from "./MarkDetails.js";
import type { Selection } from "./selection.js";
import { SourceLine } from "./SourceLine.js";
import { useElementWidth } from "./useElementWidth.js";

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
  csvHref?: string;
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

/** A chart with its title, controls, downloads, states, provenance of the selected mark, and source line. */
export function ChartCard(props: ChartCardProps) {
  const { id, title, subtitle, status, empty, sources, showTable } = props;
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const [selection, setSelection] = useState<Selection | null>(null);
  const svgRef = useRef<HTMLDivElement>(null);
  const height = props.heightAt(width);
  const ready = status === "success" && !empty;
  const svg = () => svgRef.current?.querySelector<SVGSVGElement>("svg.chart") ?? null;
  const caption = { title, units: props.units, sources };

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
          <button type="button" disabled={!ready || showTable} onClick={() => downloadSvg(svg()!, caption, id)}>
            SVG
          </button>
          <button type="button" disabled={!ready || showTable} onClick={() => void downloadPng(svg()!, caption, id)}>
            PNG
          </button>
          {props.csvHref ? (
            <a className="button" href={props.csvHref} download={`${id}.csv`} aria-label={`${title}: download CSV`}>
              CSV
            </a>
          ) : null}
        </div>
      </header>
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
          <div ref={svgRef}>{props.chart(width, setSelection)}</div>
        )}
      </div>
      {ready && !showTable ? props.legend : null}
      {ready ? <MarkDetails selection={selection} sources={[...sources, ...(props.eventSources ?? [])]} /> : null}
      <SourceLine sources={sources} />
    </section>
  );
}
