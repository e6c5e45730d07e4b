import { groupMap } from "@chipflow/core";
import { readCsv } from "@chipflow/db";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findCoverage, formatCoverage, type CoverageGap } from "./coverage.js";
import { readCuratedFacts } from "./read-curated-facts.js";

const START = "<!-- coverage:start (written by npm run check-data -- --update-readme) -->";
const END = "<!-- coverage:end -->";

/**
 * The datasets with their facts and primary share, then the coverage tables of the curated data in `dataDir`,
 * with the reasons of `coverage-gaps.csv`.
 */
/** How the README's table names a dataset read from an extract at seed time, by its format. */
const EXTRACTS: Record<string, string> = {
  comtrade: "UN Comtrade extract, read at seed | all (UN Comtrade)",
  stats: "statistics office's extract, read at seed | all (the office's own tables)",
};

export async function renderCoverage(dataDir: string): Promise<string> {
  const gaps: CoverageGap[] = [];
  for await (const { row } of readCsv(join(dataDir, "coverage-gaps.csv"), ["vendor", "period", "why"] as const))
    gaps.push(row);
  const { datasets, facts } = await readCuratedFacts(dataDir);
  const byDataset = groupMap(facts, (f) => f.dataset);
  const lines = ["| dataset | facts | from primary documents |", "| --- | --: | --: |"];
  for (const d of datasets) {
    const list = byDataset.get(d.id) ?? [];
    const primary = list.filter((f) => f.fact.source.type === "primary").length;
    const extract = EXTRACTS[d.format];
    lines.push(
      extract
        ? `| \`${d.id}\` | ${extract} |`
        : `| \`${d.id}\` | ${list.length} | ${primary} (${Math.round((100 * primary) / Math.max(list.length, 1))}%) |`,
    );
  }
  const primary = facts.filter((f) => f.fact.source.type === "primary").length;
  lines.push(
    `| all curated facts | ${facts.length} | ${primary} (${Math.round((100 * primary) / facts.length)}%) |`,
    "",
  );
  return `${lines.join("\n")}\n${formatCoverage(findCoverage(facts), gaps)}`;
}

/** The coverage section of `data/README.md` as it stands, or null when its markers are missing. */
export async function readReadmeCoverage(dataDir: string): Promise<string | null> {
  const text = await readFile(join(dataDir, "README.md"), "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  return start < 0 || end < start ? null : text.slice(start + START.length + 1, end);
}

/** Writes the current coverage tables between the markers of `data/README.md`. */
export async function updateReadmeCoverage(dataDir: string): Promise<void> {
  const file = join(dataDir, "README.md");
  const text = await readFile(file, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: add the lines ${START} and ${END} where the tables go`);
  await writeFile(file, `${text.slice(0, start)}${START}\n${await renderCoverage(dataDir)}${text.slice(end)}`);
}
