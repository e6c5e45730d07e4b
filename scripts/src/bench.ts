/**
 * `npm run bench`: chipflow against baselines measured in the same run (sqlite3 command line, in-process
 * better-sqlite3, bare Fastify), printed as a table and written to docs/benchmarks.md. `--quick` for a smoke run.
 */
import { ensureSeededDatabase } from "@chipflow/db";
import { Command, InvalidArgumentError } from "commander";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runExportBench } from "./bench/export-bench.js";
import { runHttpBench } from "./bench/http-bench.js";
import { runImportBench } from "./bench/import-bench.js";
import { getMachine } from "./bench/machine.js";
import { measureProcess } from "./bench/measure-process.js";
import { runQueryBench } from "./bench/query-bench.js";
import { runStartBench } from "./bench/start-bench.js";
import { toMarkdown, toRows, toText, type BenchResults } from "./bench/report.js";
import { runWebBench } from "./bench/web-bench.js";
import { writeSection } from "./bench/write-section.js";
import { DATA_DIR, ROOT, WEB_ROOT } from "./paths.js";

const BENCHES = ["import", "query", "http", "export", "start", "web"] as const;
const count = (value: string) => {
  const v = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(v) || v <= 0) throw new InvalidArgumentError("expected a whole number such as 1000000");
  return v;
};
/** A dashboard series query (top 7, as the dashboard asks), asked again and again: the hot path a cache serves. */
const HOT_PATH = "/api/v1/series?metric=units&groupBy=destination&interval=quarter&top=7&vendor=synthetic-vendor-01";
const GEN = join(ROOT, "scripts/dist/gen.js");
/** Vendors of the synthetic data whose queries the start benchmark asks once the server is up. */
const SYNTHETIC_VENDORS = ["synthetic-vendor-01", "synthetic-vendor-02", "synthetic-vendor-03"];
const PREAMBLE = `# Benchmarks

\`npm run bench\` measures chipflow against baselines started in the same run, because absolute times on a shared
machine drift: the sqlite3 command line (import, CSV export), the same query function called in-process through
better-sqlite3 (queries over HTTP), a bare Fastify hello-world and a bare Fastify replaying chipflow's own answer (hot endpoint). Data is synthetic (\`npm run gen\`:
30 vendors, 300 products, 200 countries, monthly 2015–2026, units and revenue; every name says synthetic).
Benchmarks are not tests: \`npm test\` does not run them.`;

export async function main(argv: string[]): Promise<number> {
  const program = new Command("bench")
    .option("--facts <n>", "rows of the CSV that the import benchmark imports", count, 1_000_000)
    .option("--db-facts <n>", "facts in the database the query and export benchmarks read", count, 1_000_000)
    .option("--rss-facts <n>", "also import a CSV of this many rows, sampling RSS (e.g. 10000000)", count)
    .option("--only <list>", `comma-separated subset of ${BENCHES.join(",")}`)
    .option("--quick", "small sizes and short runs: a smoke test of the harness")
    .option("--samples <n>", "distinct queries per endpoint", count, 30)
    .option("--seconds <n>", "duration of each autocannon run", count, 10)
    .option("--out <file>", "the report to update", join(ROOT, "docs/benchmarks.md"))
    .option("--tmp <dir>", "where the big temporary files go (deleted after)", "/tmp")
    .exitOverride();
  program.parse(argv, { from: "user" });
  const o = program.opts<{
    facts: number;
    dbFacts: number;
    rssFacts?: number;
    only?: string;
    quick?: boolean;
    samples: number;
    seconds: number;
    out: string;
    tmp: string;
  }>();
  if (o.quick) Object.assign(o, { facts: 100_000, dbFacts: 200_000, samples: 10, seconds: 3 });
  const only = new Set(o.only ? o.only.split(",") : BENCHES);
  const started = performance.now();
  mkdirSync(o.tmp, { recursive: true });
  const tmp = mkdtempSync(join(o.tmp, "chipflow-bench-"));
  const log = (s: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${s}`);
  const results: BenchResults = {
    machine: getMachine(),
    command: (process.env.npm_lifecycle_event === "bench"
      ? `npm run bench -- ${argv.join(" ")}`
      : `node scripts/dist/bench.js ${argv.join(" ")}`
    )
      .trim()
      .replace(/ --$/, ""),
    date: new Date().toISOString().slice(0, 10),
    seconds: 0,
    dbFacts: o.dbFacts,
  };
  try {
    if (only.has("import")) {
      const csv = join(tmp, "facts.csv");
      await measureProcess(process.execPath, [GEN, "--facts", String(o.facts), "--out", csv]);
      log(`import: ${o.facts} rows`);
      results.import = await runImportBench(csv, o.facts, statSync(csv).size / 1e6, tmp);
      rmSync(csv);
    }
    if (o.rssFacts) {
      const csv = join(tmp, "facts-rss.csv");
      await measureProcess(process.execPath, [GEN, "--facts", String(o.rssFacts), "--out", csv]);
      log(`import RSS: ${o.rssFacts} rows`);
      const r = await runImportBench(csv, o.rssFacts, statSync(csv).size / 1e6, tmp);
      results.rss10m = { rows: o.rssFacts, peakRssMb: r.chipflow.peakRssMb, samples: r.chipflow.rssSamples };
      rmSync(csv);
    }
    const db = join(tmp, "synthetic.sqlite");
    if (["query", "http", "export", "start"].some((b) => only.has(b))) {
      log(`database: ${o.dbFacts} facts`);
      await measureProcess(process.execPath, [GEN, "--facts", String(o.dbFacts), "--db", db]);
    }
    if (only.has("query")) {
      log("query");
      results.query = await runQueryBench(db, o.samples);
    }
    if (only.has("http")) {
      log("http");
      results.http = await runHttpBench(db, o.seconds, HOT_PATH, join(tmp, "hot-answer.json"));
    }
    if (only.has("export")) {
      log("export");
      results.export = await runExportBench(db, o.dbFacts, tmp);
    }
    if (only.has("start")) {
      log("start");
      results.start = await runStartBench(db, o.dbFacts, SYNTHETIC_VENDORS);
    }
    if (only.has("web")) {
      log("web");
      const seeded = join(tmp, "seeded.sqlite");
      await ensureSeededDatabase(seeded, DATA_DIR);
      results.web = await runWebBench(seeded, WEB_ROOT, o.quick ? 3 : 7);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  results.seconds = (performance.now() - started) / 1000;
  const rows = toRows(results);
  console.log(toText(rows));
  writeSection(o.out, toMarkdown(results, rows), PREAMBLE);
  console.log(`wrote ${o.out}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`bench: ${error.message}`);
    return 1;
  });
}
