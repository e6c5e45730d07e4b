import iconv from "iconv-lite";
import type { Readable, Transform } from "node:stream";
import { openBytes, type ImportInput } from "./open-bytes.js";

/** The encodings an input file may have. Latin-1 files are read as Windows-1252, its superset. */
export type TextEncoding = "utf-8" | "windows-1252";

/**
 * `utf-8` when the whole file is valid UTF-8 (with or without a byte-order mark), otherwise `windows-1252`:
 * a Latin-1 or Windows-1252 file is almost never valid UTF-8 by accident. Streams the file once.
 */
export async function detectEncoding(input: ImportInput | string): Promise<TextEncoding> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of openBytes(input, 1 << 20).stream) {
      decoder.decode(chunk as Buffer, { stream: true });
    }
    decoder.decode();
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** A file opened for reading as text, with how many of its bytes have been read so far (for progress). */
export interface TextSource {
  /** UTF-8 bytes (a BOM, if any, is left for the CSV parser to skip) or decoded strings. */
  stream: Readable;
  bytesRead: () => number;
}

/** Opens a file (gzipped or not) to read as text in the given encoding. */
export function openTextSource(input: ImportInput | string, encoding: TextEncoding): TextSource {
  const raw = openBytes(input);
  if (encoding === "utf-8") return raw;
  const decoded = raw.stream.pipe(iconv.decodeStream("win1252") as unknown as Transform);
  raw.stream.on("error", (e) => decoded.destroy(e));
  return { stream: decoded, bytesRead: raw.bytesRead };
}
