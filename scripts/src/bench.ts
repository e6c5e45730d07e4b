/**
 * `npm run bench`: chipflow against baselines measured in the same run (sqlite3 command line, in-process
 * better-sqlite3, bare Fastify), printed as a table and written to docs/benchmarks.md. `--quick` for a smoke run.
 * `--engine postgres`: the query shapes on SQLite and PostgreSQL holding the same facts, side by side, in a section
 * of its own.
 */
import { ensureSeededDatabase, isPostgresUrl } from "@chipflow/db";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openPostgresTarget, postgresVersion, runEngineBench, type EngineResults } from "./bench/engine-bench.js";
import { toEngineMarkdown, toEngineText } from "./bench/engine-report.js";
import { runExportBench } from "./bench/export-bench.js";
import { runHttpBench } from "./bench/http-bench.js";
import { runImportBench } from "./bench/import-bench.js";
import { getMachine } from "./bench/machine.js";
import { measureProcess } from "./bench/measure-process.js";
import { CUSTOMS_SHAPES, runQueryBench } from "./bench/query-bench.js";
import { SYNTHETIC_CUSTOMS_DATASET } from "./gen/write-customs-csv.js";
import { runStartBench } from "./bench/start-bench.js";
import { toMarkdown, toRows, toText, type BenchResults } from "./bench/report.js";
import { runWebBench } from "./bench/web-bench.js";
import { POSTGRES_SECTION, writeSection } from "./bench/write-section.js";
import { DATA_DIR, ROOT, WEB_ROOT } from "./paths.js";

const BENCHES = ["import", "query", "customs", "http", "export", "start", "web"] as const;
const ENGINES = ["sqlite", "postgres"] as const;
const count = (value: string) => {
  const v = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(v) || v <= 0) throw new InvalidArgumentError("expected a whole number such as 1000000");
  return v;
};
/** `1000000,10000000`: one or more sizes, in the order given, each once. */
export const counts = (value: string) => [...new Set(value.split(",").map((v) => count(v.trim())))];
const engine = (value: string) => {
  if (!(ENGINES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of ${ENGINES.join(", ")}`);
  return value as (typeof ENGINES)[number];
};
const postgresUrl = (value: string) => {
  if (!isPostgresUrl(value)) throw new InvalidArgumentError("expected postgres://…");
  return value;
};

export interface BenchOptions {
  facts: number;
  dbFacts: number[];
  rssFacts?: number;
  only: Set<string>;
  quick?: boolean;
  samples: number;
  seconds: number;
  out: string;
  tmp: string;
  engine: (typeof ENGINES)[number];
  pgUrl?: string;
  dataDir?: string;
}

const ENGINE_HELP = `
--engine postgres runs the query benchmark's shapes on SQLite and on PostgreSQL holding the same generated facts
(copied with migrate-to-postgres's COPY), at each size of --db-facts, side by side: p50/p95 in process and over HTTP,
and PostgreSQL's p50 over SQLite's. Without --pg-url it starts a throwaway PostgreSQL server (initdb in a folder of
--tmp, removed after); with --pg-url it creates a scratch database there and drops it after. The other benchmarks
run (on SQLite) only when --only names them. Its figures go to a section of their own in --out.

Examples:
  npm run bench
  npm run bench -- --quick
  npm run bench -- --engine postgres --db-facts 1000000,10000000
  npm run bench -- --engine postgres --pg-url postgres://postgres@localhost/postgres --data-dir /tmp/chipflow-data
`;

/** The command line as options; throws commander's errors (a wrong value, or --help answered). */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const program = new Command("bench")
    .option("--facts <n>", "rows of the CSV that the import benchmark imports", count, 1_000_000)
    .option(
      "--db-facts <n[,n…]>",
      "facts in the databases the query benchmark reads, each size in turn (the growth of each query's cost is reported); with --engine postgres, every size is compared on both engines. The other benchmarks use the first",
      counts,
      [1_000_000],
    )
    .option("--rss-facts <n>", "also import a CSV of this many rows, sampling RSS (e.g. 10000000)", count)
    .option("--only <list>", `comma-separated subset of ${BENCHES.join(",")}`)
    .option("--quick", "small sizes and short runs: a smoke test of the harness")
    .option("--samples <n>", "distinct queries per endpoint", count, 30)
    .option("--seconds <n>", "duration of each autocannon run", count, 10)
    .option("--out <file>", "the report to update", join(ROOT, "docs/benchmarks.md"))
    .option("--tmp <dir>", "where the big temporary files go (deleted after)", "/tmp")
    .option(
      "--engine <engine>",
      `${ENGINES.join(" or ")}: postgres compares the query shapes on both`,
      engine,
      "sqlite",
    )
    .option(
      "--pg-url <url>",
      "with --engine postgres: the PostgreSQL server to use (else a throwaway one)",
      postgresUrl,
    )
    .option("--data-dir <dir>", "keep the generated SQLite databases here and reuse them in later runs")
    .addHelpText("after", ENGINE_HELP)
    .exitOverride();
  program.parse(argv, { from: "user" });
  const o = program.opts<Omit<BenchOptions, "only"> & { only?: string }>();
  if (o.quick) Object.assign(o, { facts: 100_000, dbFacts: [200_000], samples: 10, seconds: 3 });
  if (o.pgUrl && o.engine !== "postgres") throw new InvalidArgumentError("--pg-url goes with --engine postgres");
  const only = new Set(o.only ? o.only.split(",") : o.engine === "postgres" ? [] : BENCHES);
  return { ...o, only };
}
/** A dashboard series query (top 7, as the dashboard asks), asked again and again: the hot path a cache serves. */
const HOT_PATH = "/api/v1/series?metric=units&groupBy=destination&interval=quarter&top=7&vendor=synthetic-vendor-01";
const GEN = join(ROOT, "scripts/dist/gen.js");
const IMPORT = join(ROOT, "scripts/dist/import.js");
const SEED = join(ROOT, "scripts/dist/seed.js");
/** Vendors of the synthetic data whose queries the start benchmark asks once the server is up. */
const SYNTHETIC_VENDORS = ["synthetic-vendor-01", "synthetic-vendor-02", "synthetic-vendor-03"];
const PREAMBLE = `# Benchmarks

\`npm run bench\` measures chipflow against baselines started in the same run, because absolute times on a shared
machine drift: the sqlite3 command line (import, CSV export), the same query function called in-process through
better-sqlite3 (queries over HTTP), a bare Fastify hello-world and a bare Fastify replaying chipflow's own answer (hot endpoint). Data is synthetic (\`npm run gen\`:
30 vendors, 300 products, 200 countries, monthly 2015–2026, units and revenue; and, shaped as a researcher's
customs download, \`npm run gen -- --customs\`: 50 reporters' exports of four headings to every other country, month
by month, naming no vendor; every name says synthetic).
Benchmarks are not tests: \`npm test\` does not run them.`;

export async function main(argv: string[]): Promise<number> {
  const o = parseBenchArgs(argv);
  const only = o.only;
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
    dbFacts: o.dbFacts[0]!,
  };
  /** A generated SQLite database of `facts` facts: kept in --data-dir and reused when given, else in this run's tmp. */
  const syntheticDb = async (facts: number) => {
    const file = join(o.dataDir ?? tmp, `synthetic-${facts}.sqlite`);
    if (o.dataDir && existsSync(file)) {
      log(`database: ${facts} facts, reusing ${file}`);
      return file;
    }
    if (o.dataDir) mkdirSync(o.dataDir, { recursive: true });
    log(`database: ${facts} facts`);
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    await measureProcess(process.execPath, [GEN, "--facts", String(facts), "--db", partial]);
    renameSync(partial, file);
    return file;
  };
  /**
   * The dashboard's seeded database with one customs-shaped synthetic dataset (`gen --customs`) imported beside the
   * curated data, as a researcher imports a download; kept in --data-dir and reused when given.
   */
  const customsDb = async (facts: number) => {
    const file = join(o.dataDir ?? tmp, `seed-and-customs-${facts}.sqlite`);
    if (o.dataDir && existsSync(file)) return file;
    if (o.dataDir) mkdirSync(o.dataDir, { recursive: true });
    const csv = join(tmp, `${SYNTHETIC_CUSTOMS_DATASET}.csv`);
    const partial = `${file}.partial`;
    rmSync(partial, { force: true });
    await measureProcess(process.execPath, [GEN, "--facts", String(facts), "--customs", "--out", csv]);
    await measureProcess(process.execPath, [SEED, "--db", partial]);
    await measureProcess(process.execPath, [IMPORT, "--db", partial, csv]);
    rmSync(csv);
    renameSync(partial, file);
    return file;
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
    const db = ["query", "http", "export", "start"].some((b) => only.has(b)) ? await syntheticDb(o.dbFacts[0]!) : "";
    if (only.has("query")) {
      // Every size of --db-facts, so that the growth of each query's cost shows.
      results.query = [];
      for (const [k, facts] of o.dbFacts.entries()) {
        log(`query: ${facts} facts`);
        const at = k === 0 ? db : await syntheticDb(facts);
        results.query.push({ facts, results: await runQueryBench(at, o.samples) });
      }
    }
    if (only.has("customs")) {
      log(`customs: ${o.dbFacts[0]} rows of no vendor`);
      results.customs = {
        facts: o.dbFacts[0]!,
        results: await runQueryBench(await customsDb(o.dbFacts[0]!), o.samples, 60, CUSTOMS_SHAPES),
      };
    }
    if (only.has("http")) {
      log("http");
      results.http = await runHttpBench(db, o.seconds, HOT_PATH, join(tmp, "hot-answer.json"));
    }
    if (only.has("export")) {
      log("export");
      results.export = await runExportBench(db, o.dbFacts[0]!, tmp);
    }
    if (only.has("start")) {
      log("start");
      results.start = await runStartBench(db, o.dbFacts[0]!, SYNTHETIC_VENDORS);
    }
    if (only.has("web")) {
      log("web");
      const seeded = join(tmp, "seeded.sqlite");
      await ensureSeededDatabase(seeded, DATA_DIR);
      results.web = await runWebBench(seeded, WEB_ROOT, o.quick ? 3 : 7);
    }
    if (o.engine === "postgres") await compareEngines(o, results, syntheticDb, tmp, log, started);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (only.size === 0) return 0;
  results.seconds = (performance.now() - started) / 1000;
  const rows = toRows(results);
  console.log(toText(rows));
  writeSection(o.out, toMarkdown(results, rows), PREAMBLE);
  console.log(`wrote ${o.out}`);
  return 0;
}

/**
 * The query shapes on SQLite and PostgreSQL at each size of --db-facts. The section is written again after each
 * size, so a run stopped part way leaves what it measured (and says which sizes it did not get to).
 */
async function compareEngines(
  o: BenchOptions,
  results: BenchResults,
  syntheticDb: (facts: number) => Promise<string>,
  tmp: string,
  log: (line: string) => void,
  started: number,
): Promise<void> {
  // In --tmp itself: the run's own folder is private, and the server may run as another user (postgres).
  const target = await openPostgresTarget(o.pgUrl, o.tmp);
  log(
    target.server === "throwaway"
      ? `no --pg-url: started a throwaway PostgreSQL server in ${target.dir} (removed after)`
      : `PostgreSQL at --pg-url: a scratch database per size, dropped after`,
  );
  try {
    const engines: EngineResults = {
      server: target.server,
      postgresVersion: postgresVersion(target.adminUrl),
      sizes: [],
      pending: [...o.dbFacts],
    };
    for (const facts of o.dbFacts) {
      const sqlitePath = await syntheticDb(facts);
      engines.sizes.push(await runEngineBench(target, sqlitePath, facts, o.samples, log));
      engines.pending.shift();
      if (!o.dataDir) rmSync(sqlitePath, { force: true });
      const report = {
        machine: results.machine,
        loadAtEnd: loadavg()[0]!,
        command: results.command,
        date: results.date,
        seconds: (performance.now() - started) / 1000,
        engines,
      };
      console.log(toEngineText(report));
      writeSection(o.out, toEngineMarkdown(report), PREAMBLE, POSTGRES_SECTION);
      log(`wrote ${o.out}`);
    }
  } finally {
    target.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: Error) => {
    if (error instanceof CommanderError) return error.code === "commander.helpDisplayed" ? 0 : 2;
    console.error(`bench: ${error.message}`);
    return 1;
  });
}
