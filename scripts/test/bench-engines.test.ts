import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { counts, parseBenchArgs } from "../src/bench.js";
import type { EngineSize } from "../src/bench/engine-bench.js";
import { toEngineMarkdown, toEngineRows, toEngineText, type EngineReport } from "../src/bench/engine-report.js";
import type { QueryResult } from "../src/bench/query-bench.js";
import { POSTGRES_SECTION, SECTION_END, SECTION_START, writeSection } from "../src/bench/write-section.js";

describe("npm run bench -- --engine postgres: the command line", () => {
  it("runs SQLite's whole suite at one size by default", () => {
    const o = parseBenchArgs([]);
    expect(o.engine).toBe("sqlite");
    expect(o.dbFacts).toEqual([1_000_000]);
    expect([...o.only]).toEqual(["import", "query", "customs", "http", "export", "start", "web"]);
    expect(o.pgUrl).toBeUndefined();
  });

  it("compares the engines at every size listed, and runs nothing else unless --only names it", () => {
    const o = parseBenchArgs(["--engine", "postgres", "--db-facts", "1000000,10_000_000"]);
    expect(o.engine).toBe("postgres");
    expect(o.dbFacts).toEqual([1_000_000, 10_000_000]);
    expect(o.only.size).toBe(0);
    expect([...parseBenchArgs(["--engine", "postgres", "--only", "query"]).only]).toEqual(["query"]);
  });

  it("takes a PostgreSQL server's URL only with --engine postgres, and only a postgres:// one", () => {
    const url = "postgres://postgres@localhost:5432/postgres";
    expect(parseBenchArgs(["--engine", "postgres", "--pg-url", url]).pgUrl).toBe(url);
    expect(() => parseBenchArgs(["--engine", "postgres", "--pg-url", "/tmp/x.sqlite"])).toThrow(/postgres:\/\//);
    expect(() => parseBenchArgs(["--pg-url", url])).toThrow("--pg-url goes with --engine postgres");
    expect(() => parseBenchArgs(["--engine", "mysql"])).toThrow(/sqlite, postgres/);
  });

  it("reads sizes as whole numbers, each once, in the order given", () => {
    expect(counts("10000000, 1000000,1000000")).toEqual([10_000_000, 1_000_000]);
    expect(() => counts("1000000,")).toThrow(/whole number/);
    expect(() => counts("1e6x")).toThrow(/whole number/);
  });
});

const query = (endpoint: string, p50: number, samples = 30): QueryResult => ({
  endpoint,
  example: `/api/v1/${endpoint}?vendor=synthetic-vendor-01`,
  samples,
  cold: p50 * 3,
  http: { p50: p50 + 2, p95: p50 * 2 },
  direct: { p50, p95: p50 * 1.5 },
  ratio: (p50 + 2) / p50,
});

const size: EngineSize = {
  facts: 1_000_000,
  copySeconds: 80,
  copiedFacts: 1_000_000,
  sqlite: [
    query("series", 200),
    query("flows", 100),
    { ...query("breakdown", 0), samples: 0, http: null, direct: null },
  ],
  postgres: [query("series", 300, 12), query("flows", 50)],
};

const report: EngineReport = {
  machine: {
    cpu: "AMD EPYC",
    cores: 2,
    ramGb: 24,
    node: "v20.20.2",
    sqliteCli: "3.40.1",
    sqliteLibrary: "3.53.2 (better-sqlite3)",
    loadAverage: [4.25, 3, 2],
  },
  loadAtEnd: 6.5,
  command: "npm run bench -- --engine postgres --db-facts 1000000,10000000",
  date: "2026-12-04",
  seconds: 600,
  engines: { server: "throwaway", postgresVersion: "15.18", sizes: [size], pending: [10_000_000] },
};

describe("npm run bench -- --engine postgres: the report", () => {
  it("puts each shape's PostgreSQL figures beside SQLite's, with PostgreSQL's p50 over SQLite's", () => {
    const [series, flows, breakdown] = toEngineRows(size);
    expect(series).toMatchObject({
      shape: "series",
      samples: "30 / 12",
      sqlite: "200 / 300 ms",
      postgres: "300 / 450 ms",
      ratio: "1.5×",
      sqliteHttp: "202 / 400 ms",
      postgresHttp: "302 / 600 ms",
      httpRatio: "1.5×",
    });
    expect(flows).toMatchObject({ samples: "30", ratio: "0.5×" });
    expect(breakdown).toMatchObject({ sqlite: "not measured", postgres: "not measured", ratio: "—" });
  });

  it("says the command, the machine's load, where PostgreSQL ran, the copy's speed and the sizes not measured", () => {
    const md = toEngineMarkdown(report);
    expect(md).toContain("```sh\nnpm run bench -- --engine postgres --db-facts 1000000,10000000\n```");
    expect(md).toContain("load average 4.3 at the start, 6.5 at the end");
    expect(md).toContain("PostgreSQL 15.18 (a throwaway server this run started");
    expect(md).toContain("1,000,000 facts: copied into PostgreSQL");
    expect(md).toContain("in 80 s, 12,500 facts/s");
    expect(md).toContain("10,000,000 facts: not measured");
    expect(md).toContain("| 1,000,000 | series | 30 / 12 | 200 / 300 ms | 300 / 450 ms | 1.5× |");
    expect(toEngineText(report)).toContain("series (30 / 12 queries): in-process SQLite 200 / 300 ms");
    expect(toEngineMarkdown({ ...report, engines: { ...report.engines, server: "given" } })).toContain(
      "the server at --pg-url, in a scratch database dropped after",
    );
  });

  it("is written to a section of its own, leaving the SQLite section and the rest of the page as they are", () => {
    const file = join(mkdtempSync(join(tmpdir(), "chipflow-bench-doc-")), "benchmarks.md");
    writeFileSync(file, `# Benchmarks\n\n${SECTION_START}\nSQLite figures\n${SECTION_END}\n\n## Notes\n`);
    writeSection(file, "first", "# preamble", POSTGRES_SECTION);
    writeSection(file, "second", "# preamble", POSTGRES_SECTION);
    const text = readFileSync(file, "utf8");
    expect(text).toBe(
      `# Benchmarks\n\n${SECTION_START}\nSQLite figures\n${SECTION_END}\n\n## Notes\n\n${POSTGRES_SECTION.start}\nsecond\n${POSTGRES_SECTION.end}\n`,
    );
    writeSection(file, "SQLite again", "# preamble");
    expect(readFileSync(file, "utf8")).toContain(`${SECTION_START}\nSQLite again\n${SECTION_END}\n\n## Notes`);
  });
});
