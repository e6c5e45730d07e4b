import type { EngineResults, EngineSize } from "./engine-bench.js";
import type { Machine } from "./machine.js";
import type { QueryResult } from "./query-bench.js";
import { measuredWith } from "./report.js";

export interface EngineReport {
  machine: Machine;
  /** The 1-minute load average when the measuring ended (the machine's at the start is in `machine`). */
  loadAtEnd: number;
  command: string;
  date: string;
  seconds: number;
  engines: EngineResults;
}

/** One query shape at one size: p50/p95 per engine, in process and over HTTP, and PostgreSQL's p50 over SQLite's. */
export interface EngineRow {
  facts: number;
  shape: string;
  samples: string;
  sqlite: string;
  postgres: string;
  ratio: string;
  sqliteHttp: string;
  postgresHttp: string;
  httpRatio: string;
}

const n = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });
const ms = (s: { p50: number; p95: number } | null) => (s ? `${n(s.p50, 1)} / ${n(s.p95, 1)} ms` : "not measured");
const ratio = (pg: { p50: number } | null, lite: { p50: number } | null) =>
  pg && lite && lite.p50 > 0 ? `${n(pg.p50 / lite.p50, 2)}×` : "—";

/** The rows of one size: each shape SQLite measured, beside PostgreSQL's figures for the same shape. */
export function toEngineRows(size: EngineSize): EngineRow[] {
  return size.sqlite.map((lite: QueryResult) => {
    const pg = size.postgres.find((p) => p.endpoint === lite.endpoint);
    return {
      facts: size.facts,
      shape: lite.endpoint,
      samples: pg && pg.samples !== lite.samples ? `${lite.samples} / ${pg.samples}` : String(lite.samples),
      sqlite: ms(lite.direct),
      postgres: ms(pg?.direct ?? null),
      ratio: ratio(pg?.direct ?? null, lite.direct),
      sqliteHttp: ms(lite.http),
      postgresHttp: ms(pg?.http ?? null),
      httpRatio: ratio(pg?.http ?? null, lite.http),
    };
  });
}

const serverOf = (e: EngineResults) =>
  `PostgreSQL ${e.postgresVersion} (${
    e.server === "throwaway"
      ? "a throwaway server this run started: initdb in a temporary folder, fsync off, removed after"
      : "the server at --pg-url, in a scratch database dropped after"
  })`;

const copyLine = (s: EngineSize) =>
  `${n(s.facts)} facts: copied into PostgreSQL (migrate-to-postgres's COPY, rollups and dimensions included) in ${n(
    s.copySeconds,
    1,
  )} s, ${n(s.copiedFacts / s.copySeconds)} facts/s.`;

/** The comparison as plain text for the terminal. */
export function toEngineText(r: EngineReport): string {
  const lines = [`SQLite and ${serverOf(r.engines)}; load average ${loadOf(r)}`];
  for (const size of r.engines.sizes) {
    lines.push(copyLine(size));
    for (const row of toEngineRows(size))
      lines.push(
        `  ${row.shape} (${row.samples} queries): in-process SQLite ${row.sqlite}, PostgreSQL ${row.postgres} (${row.ratio}); HTTP SQLite ${row.sqliteHttp}, PostgreSQL ${row.postgresHttp} (${row.httpRatio})`,
      );
  }
  for (const facts of r.engines.pending) lines.push(`${n(facts)} facts: not measured (the run did not get there)`);
  return lines.join("\n");
}

const loadOf = (r: EngineReport) =>
  `${n(r.machine.loadAverage[0] ?? NaN, 1)} at the start, ${n(r.loadAtEnd, 1)} at the end`;

/** The PostgreSQL section of docs/benchmarks.md. */
export function toEngineMarkdown(r: EngineReport): string {
  const m = r.machine;
  const rows = r.engines.sizes.flatMap(toEngineRows);
  return [
    ...measuredWith(r),
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, shared with other work (1-minute load average ${loadOf(r)}); Node ${m.node}; SQLite ${m.sqliteLibrary}; ${serverOf(r.engines)}.`,
    "",
    ...r.engines.sizes.map((s) => `- ${copyLine(s)}`),
    ...r.engines.pending.map((f) => `- ${n(f)} facts: not measured (the run was stopped before it got there).`),
    "",
    "p50 / p95 of distinct queries (another vendor each, so no answer is cached), in process (the query function on",
    "its own read-only handle) and over HTTP (a chipflow server in its own process on loopback; for PostgreSQL started",
    "with CHIPFLOW_DATABASE_URL). The ratio is PostgreSQL's p50 over SQLite's: above 1× PostgreSQL is slower.",
    "",
    "| facts | shape | queries | SQLite in-process | PostgreSQL in-process | PG / SQLite | SQLite HTTP | PostgreSQL HTTP | PG / SQLite HTTP |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (x) =>
        `| ${n(x.facts)} | ${x.shape} | ${x.samples} | ${x.sqlite} | ${x.postgres} | ${x.ratio} | ${x.sqliteHttp} | ${x.postgresHttp} | ${x.httpRatio} |`,
    ),
  ].join("\n");
}
