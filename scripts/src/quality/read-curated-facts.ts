import { FACT_COLUMNS, OPTIONAL_FACT_COLUMNS, parseFactRow } from "@chipflow/core";
import { readCsv, SEED_FILES } from "@chipflow/db";
import { join } from "node:path";
import type { CuratedFact, QualityProblem } from "./curated-fact.js";

export interface CuratedData {
  /** Dataset ids with their `kind` and fact file, as `datasets.csv` lists them. */
  datasets: { id: string; kind: string; file: string; format: string }[];
  facts: CuratedFact[];
  /** Rows the importer itself would reject. */
  problems: QualityProblem[];
}

/** Reads every curated fact file that `datasets.csv` in `dataDir` lists (chipflow CSV ones; Comtrade files aside). */
export async function readCuratedFacts(dataDir: string): Promise<CuratedData> {
  const datasets: CuratedData["datasets"] = [];
  for await (const { row } of readCsv(join(dataDir, "datasets.csv"), SEED_FILES.datasets, {
    optional: ["format", "source_url", "source_locator"],
  }))
    datasets.push({ id: row.id, kind: row.kind, file: row.file, format: row.format || "chipflow-csv" });
  const facts: CuratedFact[] = [];
  const problems: QualityProblem[] = [];
  for (const d of datasets.filter((d) => d.format === "chipflow-csv")) {
    for await (const { line, row } of readCsv(join(dataDir, d.file), FACT_COLUMNS, {
      optional: OPTIONAL_FACT_COLUMNS,
    })) {
      const parsed = parseFactRow(row);
      if (parsed.ok) facts.push({ dataset: d.id, file: d.file, line, fact: parsed.fact });
      else
        for (const e of parsed.errors)
          problems.push({ where: `${d.file}:${line}`, message: `column ${e.column}: ${e.message}` });
    }
  }
  return { datasets, facts, problems };
}
