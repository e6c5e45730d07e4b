/**
 * `npm run gen -- --facts <N> --out <file.csv>` (or `--db <file.sqlite>`): a synthetic dataset of the shape
 * chipflow holds (30 vendors, 300 products, 200 countries, monthly periods 2015–2026, units and revenue),
 * deterministic for a seed and labelled synthetic. Streams, so 10M facts take flat memory. `--customs`: facts of no
 * vendor, shaped as a customs download (reporters' exports of four headings to every other country).
 */
import { openWritable } from "@chipflow/db";
import { Command, InvalidArgumentError } from "commander";
import { pathToFileURL } from "node:url";
import { writeCustomsCsv } from "./gen/write-customs-csv.js";
import { writeFactsCsv } from "./gen/write-facts-csv.js";
import { writeFactsDb } from "./gen/write-facts-db.js";
import { toSyntheticShape } from "./gen/synthetic-shape.js";

export interface GenIo {
  out: (line: string) => void;
}

const count = (value: string) => {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number such as 1000000");
  return n;
};

/** Runs the generator with command-line arguments (without `node gen.js`); returns the exit code. */
export async function main(argv: string[], io: GenIo = { out: (l) => console.log(l) }): Promise<number> {
  const program = new Command("gen")
    .description("Generate a synthetic (not real) chipflow dataset")
    .requiredOption("--facts <n>", "number of facts", count)
    .option("--out <file>", "write chipflow's fact CSV here")
    .option("--db <file>", "write straight into this SQLite database (created and migrated if missing)")
    .option("--seed <n>", "PRNG seed", count, 1)
    .option("--customs", "facts of no vendor, shaped as a customs download (with --out only)")
    .exitOverride();
  program.parse(argv, { from: "user" });
  const opts = program.opts<{ facts: number; out?: string; db?: string; seed: number; customs?: boolean }>();
  if (!opts.out && !opts.db) {
    io.out("gen: give --out <file.csv> or --db <file.sqlite>");
    return 2;
  }
  if (opts.customs && (opts.db || !opts.out)) {
    io.out("gen: --customs writes a CSV only: give --out <file.csv> (and import it with npm run import)");
    return 2;
  }
  const started = performance.now();
  const shape = toSyntheticShape(opts.seed);
  if (opts.out) {
    const write = opts.customs ? writeCustomsCsv : writeFactsCsv;
    const bytes = write(opts.out, shape, opts.facts, opts.seed);
    io.out(`wrote ${opts.facts} synthetic facts to ${opts.out} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
  if (opts.db) {
    const db = openWritable(opts.db);
    try {
      writeFactsDb(db, shape, opts.facts, opts.seed);
    } finally {
      db.close();
    }
    io.out(`wrote ${opts.facts} synthetic facts to ${opts.db}`);
  }
  io.out(`in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`gen: ${error.message}`);
    return 1;
  });
}
