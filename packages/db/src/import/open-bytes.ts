import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** A `.gz` file is read through gunzip, as a stream: never unpacked whole, to disk or memory. */
export const isGzip = (file: string) => /\.gz$/i.test(file);

/** The name a file has inside its `.gz`: `TradeData.csv.gz` → `TradeData.csv`. */
export const innerName = (file: string) => file.replace(/\.gz$/i, "");

/** A stream of bytes, with how many of the stored bytes have been read (for progress against `size`). */
export interface OpenedBytes {
  stream: Readable;
  bytesRead: () => number;
}

/**
 * One file to import: a file on disk or a file inside a `.zip`. Its bytes can be read as often as needed (to tell
 * its format and encoding, then to import it), each time streamed, unpacked on the fly when gzipped.
 */
export interface ImportInput {
  /** What errors and summaries call it: the path, or `archive.zip/inner.csv` for a file in an archive. */
  name: string;
  /** Its stored size in bytes, what `bytesRead` counts towards. */
  size: number;
  /** Its stored bytes (gzipped, if it is), from the start. */
  openStored(highWaterMark?: number): OpenedBytes;
}

/** A file on disk as an import input. */
export function fileInput(path: string): ImportInput {
  return {
    name: path,
    size: statSync(path).size,
    openStored(highWaterMark = 1 << 18) {
      const raw = createReadStream(path, { highWaterMark });
      return { stream: raw, bytesRead: () => raw.bytesRead };
    },
  };
}

const asInput = (input: ImportInput | string) => (typeof input === "string" ? fileInput(input) : input);

/** An input's bytes as a stream, unpacked on the fly when it is gzipped. */
export function openBytes(input: ImportInput | string, highWaterMark = 1 << 18): OpenedBytes {
  const file = asInput(input);
  const stored = file.openStored(highWaterMark);
  if (!isGzip(file.name)) return stored;
  const gunzip = stored.stream.pipe(createGunzip());
  stored.stream.on("error", (e) => gunzip.destroy(e));
  return { stream: gunzip, bytesRead: stored.bytesRead };
}

/** The sha256 of an input's stored bytes, hex-encoded, streamed. */
export async function inputChecksum(input: ImportInput | string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of asInput(input).openStored(1 << 20).stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
