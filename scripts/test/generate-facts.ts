import { FACT_COLUMNS } from "@chipflow/core";
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const DESTINATIONS = ["CHN", "USA", "SGP", "MYS", "VNM", "IND", "DEU", "JPN", "KOR", "TWN"];

/**
 * Writes a synthetic chipflow CSV of `rows` distinct facts (deterministic: no randomness), for tests that need a
 * large file. Every figure is invented.
 */
export async function generateFactsCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${FACT_COLUMNS.join(",")}\n`);
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10);
    const line =
      `${day},${day},,Synthetic Vendor,SX-${i % 50},gpu,TWN,${DESTINATIONS[i % 10]},,units,${(i % 997) + 1},,,` +
      `estimate,low,Synthetic generator,Synthetic load test,2025,https://example.org/synthetic,,,row ${i}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}
