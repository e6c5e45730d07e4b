import { FACT_COLUMNS } from "@chipflow/core";
import { closeSync, openSync, writeSync } from "node:fs";

const FLUSH_AT = 1 << 20;

/**
 * Writes chipflow's fact CSV: its header, then `lines` (each a row ending in a line break), streaming: rows are
 * written out every megabyte, so memory stays flat for any count. Returns the bytes written.
 */
export function writeFactLines(file: string, lines: Iterable<string>): number {
  const fd = openSync(file, "w");
  let bytes = 0;
  let chunk = `${FACT_COLUMNS.join(",")}\n`;
  try {
    for (const line of lines) {
      chunk += line;
      if (chunk.length >= FLUSH_AT) {
        bytes += writeSync(fd, chunk);
        chunk = "";
      }
    }
    bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
