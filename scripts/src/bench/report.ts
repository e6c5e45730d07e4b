import type { ExportResult } from "./export-bench.js";
import type { HttpResult } from "./http-bench.js";
import type { ImportResult } from "./import-bench.js";
import type { Machine } from "./machine.js";
import type { QueryResult } from "./query-bench.js";
import type { StartResult } from "./start-bench.js";
import type { WebResult } from "./web-bench.js";

export interface BenchResults {
  machine: Machine;
  command: string;
  date: string;
  seconds: number;
  dbFacts: number;
  import?: ImportResult;
  rss10m?: { rows: number; peakRssMb: number; samples: [number, number][] };
  /** The query shapes at each size of --db-facts, smallest first. */
  query?: { facts: number; results: QueryResult[] }[];
  /** The query shapes of a customs-shaped dataset (no vendor) of the first size of --db-facts. */
  customs?: { facts: number; results: QueryResult[] };
  http?: HttpResult;
  export?: ExportResult;
  start?: StartResult;
  web?: WebResult;
}

export interface Row {
  what: string;
  chipflow: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
}

const n = (x: number, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits });
const times = (x: number) => `${x < 0.1 ? x.toPrecision(2) : n(x, 2)}×`;
const verdict = (met: boolean | null) => (met === null ? "not measured" : met ? "**met**" : "**not met**");

/** One row per figure, each with its target and whether it was met. */
export function toRows(r: BenchResults): Row[] {
  const rows: Row[] = [];
  if (r.import) {
    const i = r.import;
    rows.push({
      what: `import ${n(i.rows)} rows (${n(i.megabytes, 1)} MB CSV)`,
      chipflow: `${n(i.chipflow.rowsPerSecond)} rows/s, ${n(i.chipflow.seconds, 1)} s, peak RSS ${n(i.chipflow.peakRssMb)} MB`,
      baseline: `sqlite3 .import: ${n(i.sqlite.rowsPerSecond)} rows/s, ${n(i.sqlite.seconds, 1)} s, peak RSS ${n(i.sqlite.peakRssMb)} MB`,
      ratio: times(i.ratio),
      target: "≥ 0.6×",
      met: i.ratio >= 0.6,
    });
  }
  if (r.rss10m) {
    const s = r.rss10m.samples.map(([, mb]) => mb);
    const late = s.slice(Math.floor(s.length / 2));
    const early = s.slice(Math.floor(s.length / 10), Math.floor(s.length / 2));
    const flat = Math.max(...late) <= Math.max(...early) * 1.2 + 20;
    rows.push({
      what: `import ${n(r.rss10m.rows)} rows: RSS over time`,
      chipflow: `peak ${n(r.rss10m.peakRssMb)} MB; first half max ${n(Math.max(...early))} MB, second half max ${n(Math.max(...late))} MB`,
      baseline: "—",
      ratio: "—",
      target: "flat",
      met: flat,
    });
  }
  for (const { facts, results } of [...(r.query ?? []), ...(r.customs ? [r.customs] : [])])
    for (const q of results) {
      const limit = facts <= 1_000_000 ? 15 : 50;
      rows.push({
        what: `query ${q.endpoint} (${n(facts)} facts, ${q.samples} distinct queries)`,
        chipflow: q.http
          ? `cold ${n(q.cold ?? 0, 1)} ms (first after start); warm HTTP p50 ${n(q.http.p50, 1)} ms, p95 ${n(q.http.p95, 1)} ms`
          : (q.note ?? "not measured"),
        baseline: q.direct ? `in-process p50 ${n(q.direct.p50, 1)} ms, p95 ${n(q.direct.p95, 1)} ms` : "—",
        ratio: q.ratio === null ? "—" : times(q.ratio),
        target: `p50 < ${limit} ms, p95 < 100 ms`,
        met: q.http ? q.http.p50 < limit && q.http.p95 < 100 : null,
      });
    }
  const sizes = r.query ?? [];
  if (sizes.length > 1) {
    const [first, last] = [sizes[0]!, sizes.at(-1)!];
    const grown = last.facts / first.facts;
    for (const q of last.results) {
      const before = first.results.find((b) => b.endpoint === q.endpoint);
      if (!q.http || !before?.http) continue;
      const growth = q.http.p50 / before.http.p50;
      rows.push({
        what: `query ${q.endpoint}: growth from ${n(first.facts)} to ${n(last.facts)} facts (×${n(grown, 1)})`,
        chipflow: `p50 ×${n(growth, 2)} (${sizes.map((s) => `${n(s.results.find((x) => x.endpoint === q.endpoint)?.http?.p50 ?? 0, 1)} ms`).join(" → ")})`,
        baseline: "—",
        ratio: "—",
        target: `sublinear: < ×${n(grown, 1)}`,
        met: growth < grown,
      });
    }
  }
  if (r.http) {
    const h = r.http;
    rows.push({
      what: `HTTP hot endpoint (${h.connections} connections, ${h.seconds} s each in ${h.rounds} rounds taken in turn, accepting gzip)`,
      chipflow: `${n(h.chipflow.requestsPerSecond)} req/s, p99 ${n(h.chipflow.p99Ms, 1)} ms, ${n(h.chipflow.bodyBytes)} B per answer (${h.chipflow.non2xx} non-2xx)`,
      baseline: `bare Fastify: ${n(h.hello.requestsPerSecond)} req/s, p99 ${n(h.hello.p99Ms, 1)} ms, ${n(h.hello.bodyBytes)} B`,
      ratio: times(h.ratio),
      target: "≥ 0.5×",
      met: h.ratio >= 0.5 && h.chipflow.non2xx === 0,
    });
    rows.push({
      what: "HTTP hot endpoint against the same answer replayed",
      chipflow: `${n(h.chipflow.requestsPerSecond)} req/s`,
      baseline: `bare Fastify sending chipflow's recorded answer (same headers, ${n(h.replay.bodyBytes)} B gzipped): ${n(h.replay.requestsPerSecond)} req/s, p99 ${n(h.replay.p99Ms, 1)} ms`,
      ratio: times(h.replayRatio),
      target: "≥ 0.8×",
      met: h.replayRatio >= 0.8 && h.chipflow.non2xx === 0,
    });
  }
  if (r.export) {
    const e = r.export;
    rows.push({
      what: `CSV export of ${n(e.rows)} facts`,
      chipflow: `${n(e.chipflow.mbPerSecond, 1)} MB/s (${n(e.chipflow.megabytes)} MB in ${n(e.chipflow.seconds, 1)} s), peak RSS ${n(e.chipflow.peakRssMb)} MB`,
      baseline: `sqlite3 -csv: ${n(e.sqlite.mbPerSecond, 1)} MB/s (${n(e.sqlite.megabytes)} MB in ${n(e.sqlite.seconds, 1)} s)`,
      ratio: times(e.ratio),
      target: "≥ 0.5×, RSS < 150 MB",
      met: e.ratio >= 0.5 && e.chipflow.peakRssMb < 150,
    });
  }
  if (r.start) {
    const s = r.start;
    rows.push({
      what: `start over ${n(s.facts)} facts: first answer, memory`,
      chipflow: `ready in ${n(s.readyMs)} ms, first data answer in ${n(s.firstDataMs)} ms; RSS ${n(s.rssAfterFirstMb)} MB then, peak ${n(s.peakRssMb)} MB after ${s.queries} queries`,
      baseline: "—",
      ratio: "—",
      target: "RSS < 1 GB",
      met: s.peakRssMb < 1024,
    });
  }
  if (r.web) {
    const w = r.web;
    rows.push({
      what: "web: initial JS (gzip)",
      chipflow: `${n(w.jsGzipKb, 1)} KB (${w.scripts.join(", ")})`,
      baseline: "—",
      ratio: "—",
      target: "< 250 KB",
      met: w.jsGzipKb < 250,
    });
    const slowest = (key: "coldMs" | "warmMs") => Math.max(0, ...w.firstScreen.map((t) => t[key]));
    rows.push({
      what: `web: the first screen's ${w.firstScreen.length} API requests (seeded data), asked of a server just started`,
      chipflow: `slowest first answer ${n(slowest("coldMs"), 1)} ms, slowest second ${n(slowest("warmMs"), 1)} ms (${w.firstScreen.map((t) => `${t.path.split("?")[0]} ${n(t.coldMs, 1)}/${n(t.warmMs, 1)}`).join(", ")})`,
      baseline: "—",
      ratio: "—",
      target: "< 50 ms",
      met: w.firstScreen.length > 0 && slowest("coldMs") < 50,
    });
    rows.push({
      what: `web: navigation → first chart (${w.firstChartMs.length} loads)`,
      chipflow: `median ${n(w.medianFirstChartMs)} ms (${w.firstChartMs.map((t) => n(t)).join(", ")})`,
      baseline: "—",
      ratio: "—",
      target: "< 1000 ms",
      met: w.medianFirstChartMs < 1000,
    });
  }
  return rows;
}

/** The table as plain text for the terminal. */
export function toText(rows: Row[]): string {
  return rows
    .map(
      (r) =>
        `${r.what}\n  chipflow: ${r.chipflow}\n  baseline: ${r.baseline}\n  ratio ${r.ratio}, target ${r.target}: ${verdict(r.met).replace(/\*/g, "")}`,
    )
    .join("\n");
}

/** How a section of docs/benchmarks.md opens: when, how long, and the command that measured it. */
export const measuredWith = (r: { date: string; seconds: number; command: string }): string[] => [
  `Measured ${r.date} in ${n(r.seconds)} s with:`,
  "",
  "```sh",
  r.command,
  "```",
  "",
];

/** The measured section of docs/benchmarks.md. */
export function toMarkdown(r: BenchResults, rows: Row[]): string {
  const m = r.machine;
  return [
    ...measuredWith(r),
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM; Node ${m.node}; SQLite ${m.sqliteLibrary}, sqlite3 command line ${m.sqliteCli}.`,
    "",
    "| what | chipflow | baseline (same run) | ratio | target | |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((x) => `| ${x.what} | ${x.chipflow} | ${x.baseline} | ${x.ratio} | ${x.target} | ${verdict(x.met)} |`),
  ].join("\n");
}
