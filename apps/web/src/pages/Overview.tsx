import type { SeriesQueryInput } from "@chipflow/core";
import { useQuery } from "@tanstack/react-query";
import { seriesQueryOptions } from "../api/series.js";
import { toLineSeries } from "../charts/time-series/state.js";
import { TimeSeriesChart } from "../charts/time-series/TimeSeriesChart.js";
import { SourceLine } from "../components/SourceLine.js";

const NVIDIA_BY_REGION: SeriesQueryInput = {
  metric: "revenue_usd",
  groupBy: "destination",
  interval: "quarter",
  vendor: "nvidia",
  dataset: "nvidia-geo-hq",
};

export function Overview() {
  const { data, error, isPending } = useQuery(seriesQueryOptions(NVIDIA_BY_REGION));
  const title = "NVIDIA revenue by customer headquarters region";
  return (
    <main>
      <section className="card" aria-busy={isPending}>
        <h2>{title}</h2>
        <p className="subtitle">
          US dollars per fiscal period; dashed spans are yearly figures, not split into quarters.
        </p>
        {isPending ? (
          <div className="placeholder">Loading…</div>
        ) : error ? (
          <div className="error" role="alert">
            Could not load the series: {error.message}
          </div>
        ) : (
          <>
            <TimeSeriesChart lines={toLineSeries(data)} unit={data.metric.unit} title={title} />
            <ul className="legend">
              {data.series.map((s) => (
                <li key={s.key}>{s.label}</li>
              ))}
            </ul>
            <SourceLine sources={data.sources} />
          </>
        )}
      </section>
    </main>
  );
}
