import cliProgress from "cli-progress";
import type { CliIo } from "./cli-io.js";

/** Files smaller than this import in a moment: no bar. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;

export interface Progress {
  update(bytes: number, rows: number): void;
  stop(): void;
}

const quiet: Progress = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr, by bytes read, for large inputs (one file or all the files of a run) when stderr is a
 * terminal; otherwise silent. It shows rows read, rows per second and the time left.
 */
export function createProgress(io: CliIo, totalBytes: number): Progress {
  if (!io.stderr.isTTY || totalBytes < PROGRESS_MIN_BYTES) return quiet;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as NodeJS.WritableStream,
      format: "importing [{bar}] {percentage}% | {rows} rows | {rate} rows/s | {eta_formatted} left",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(totalBytes, 0, { rows: 0, rate: 0 });
  return {
    update: (bytes, rows) =>
      bar.update(bytes, { rows, rate: Math.round(rows / Math.max((performance.now() - started) / 1000, 1e-3)) }),
    stop: () => bar.stop(),
  };
}
