/**
 * `npm run check-data -- [--data <dir>]`: the data-quality gate over the curated files in data/: every figure's
 * source complete, primary share per dataset, quarters against years, regions against totals, shares within 0-100.
 * Exits 1 when any check fails. `--coverage` prints the coverage tables; `--update-readme` writes them into
 * data/README.md.
 */
import { Command } from "commander";
import { isMain, processIo, runMain, type CliIo } from "./cli/cli-io.js";
import { EXIT, parseProgram } from "./cli/run-program.js";
import { DATA_DIR } from "./paths.js";
import { checkDataQuality, formatDataQuality } from "./quality/data-quality.js";
import { renderCoverage, updateReadmeCoverage } from "./quality/readme-coverage.js";

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const parsed = await parseProgram(
    new Command("npm run check-data --")
      .description("Check the curated data in data/: sources, primary share, sums and shares.")
      .option("--data <dir>", "the folder of curated files", DATA_DIR)
      .option("--coverage", "print the coverage tables (China figures by company and period) as Markdown")
      .option("--update-readme", "write the coverage tables into data/README.md"),
    argv,
    io,
  );
  if (typeof parsed === "number") return parsed;
  const flags = parsed.opts<{ data: string; coverage?: boolean; updateReadme?: boolean }>();
  if (flags.coverage) {
    io.stdout.write(await renderCoverage(flags.data));
    return EXIT.ok;
  }
  if (flags.updateReadme) await updateReadmeCoverage(flags.data);
  const report = await checkDataQuality(flags.data);
  io.stdout.write(formatDataQuality(report));
  return report.problems.length ? EXIT.rejected : EXIT.ok;
}

if (isMain(import.meta.url)) runMain(main);
