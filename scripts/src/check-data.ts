/**
 * `npm run check-data -- [--data <dir>]`: the data-quality gate over the curated files in data/: every figure's
 * source complete, primary share per dataset, quarters against years, regions against totals, shares within 0-100.
 * Exits 1 when any check fails.
 */
import { Command } from "commander";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram } from "./cli/run-program.js";
import { DATA_DIR } from "./paths.js";
import { checkDataQuality, formatDataQuality } from "./quality/data-quality.js";

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = await parseProgram(
    new Command("npm run check-data --")
      .description("Check the curated data in data/: sources, primary share, sums and shares.")
      .option("--data <dir>", "the folder of curated files", DATA_DIR),
    argv,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const report = await checkDataQuality(parsed.opts<{ data: string }>().data);
  io.stdout.write(formatDataQuality(report));
  return report.problems.length ? EXIT.rejected : EXIT.ok;
}

if (isMain(import.meta.url)) runMain(main);
