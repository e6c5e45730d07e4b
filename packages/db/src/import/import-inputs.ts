import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { PassThrough } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { fileInput, type ImportInput } from "./open-bytes.js";

/** The files a folder or archive holds that the importer reads: CSV, JSON, JSON Lines, Excel, each maybe gzipped. */
const IMPORTABLE = /\.(csv|json|jsonl|ndjson|xlsx)(\.gz)?$/i;

/** A `.zip` archive, whose files are imported one by one. */
export const isArchive = (path: string) => /\.zip$/i.test(path);

/** The inputs of one import run, and what closes the archives they are read from. */
export interface ImportInputs {
  inputs: ImportInput[];
  close(): void;
}

/**
 * What one path holds to import: a file is itself; a `.zip` is every importable file inside it (read straight out
 * of the archive, never unpacked to disk); a folder is every importable file and archive in it, by name, that
 * `match` accepts (a wildcard pattern on the file name, `*` and `?`). Hidden files and macOS resource forks are
 * left out.
 */
export async function listImportInputs(path: string, match?: string): Promise<ImportInputs> {
  const zips: ZipFile[] = [];
  const close = () => zips.forEach((z) => z.close());
  try {
    const inputs: ImportInput[] = [];
    const add = async (file: string) => {
      if (!isArchive(file)) return void inputs.push(fileInput(file));
      const zip = await openZip(file);
      zips.push(zip);
      inputs.push(...(await zipInputs(file, zip)));
    };
    if (statSync(path).isDirectory()) {
      const accepts = match === undefined ? () => true : wildcard(match);
      const names = readdirSync(path)
        .filter((n) => !n.startsWith(".") && (IMPORTABLE.test(n) || isArchive(n)) && accepts(n))
        .sort();
      for (const name of names) if (statSync(join(path, name)).isFile()) await add(join(path, name));
    } else await add(path);
    return { inputs, close };
  } catch (error) {
    close();
    throw error;
  }
}

function wildcard(pattern: string): (name: string) => boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  const re = new RegExp(`^${source}$`, "i");
  return (name) => re.test(name);
}

const openZip = (file: string) =>
  new Promise<ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(new Error(`cannot read ${file} as a .zip archive: ${error.message}`)) : resolve(zip),
    ),
  );

/** Every importable file in an archive, in the archive's order, each opened afresh from the archive when read. */
function zipInputs(file: string, zip: ZipFile): Promise<ImportInput[]> {
  return new Promise((resolve, reject) => {
    const inputs: ImportInput[] = [];
    zip.on("entry", (entry: Entry) => {
      const name = entry.fileName;
      const hidden = name.split("/").some((part) => part.startsWith(".") || part === "__MACOSX");
      if (!name.endsWith("/") && !hidden && IMPORTABLE.test(name)) inputs.push(zipEntryInput(file, zip, entry));
      zip.readEntry();
    });
    zip.once("end", () => resolve(inputs));
    zip.once("error", reject);
    zip.readEntry();
  });
}

function zipEntryInput(file: string, zip: ZipFile, entry: Entry): ImportInput {
  return {
    name: `${basename(file)}/${entry.fileName}`,
    size: entry.uncompressedSize,
    openStored(highWaterMark = 1 << 18) {
      const out = new PassThrough({ highWaterMark });
      let read = 0;
      zip.openReadStream(entry, (error, stream) => {
        if (error) return void out.destroy(error);
        stream.on("data", (chunk: Buffer) => (read += chunk.length));
        stream.on("error", (e) => out.destroy(e));
        out.on("close", () => stream.destroy());
        stream.pipe(out);
      });
      return { stream: out, bytesRead: () => read };
    },
  };
}
