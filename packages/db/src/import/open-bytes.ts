import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** A `.gz` file is read through gunzip, as a stream: never unpacked whole, to disk or memory. */
export const isGzip = (file: string) => /\.gz$/i.test(file);

/** The name a file has inside its `.gz`: `TradeData.csv.gz` → `TradeData.csv`. */
export const innerName = (file: string) => file.replace(/\.gz$/i, "");

/**
 * A file's bytes as a stream, unpacked on the fly when it is gzipped, with how many bytes of the file itself have
 * been read (for progress against its size on disk).
 */
export function openBytes(file: string, highWaterMark = 1 << 18): { stream: Readable; bytesRead: () => number } {
  const raw = createReadStream(file, { highWaterMark });
  if (!isGzip(file)) return { stream: raw, bytesRead: () => raw.bytesRead };
  const gunzip = raw.pipe(createGunzip());
  raw.on("error", (e) => gunzip.destroy(e));
  return { stream: gunzip, bytesRead: () => raw.bytesRead };
}
