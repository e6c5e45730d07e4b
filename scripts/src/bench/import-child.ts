/**
 * Child process of the import benchmark: imports one chipflow CSV into a fresh database through the library's
 * import pipeline (format detection, checksum, full validation, one transaction) and prints its summary as JSON.
 */
import * as db from "@chipflow/db";

const [file, dbPath] = process.argv.slice(2) as [string, string];
const handle = db.openWritable(dbPath);
const dataset = { id: "synthetic-import", title: "Synthetic benchmark data (not real figures)", kind: "synthetic" };
const summary = await db.importFile(handle, file, { dataset: { ...dataset, kind: "synthetic" as const } });
handle.close();
console.log(JSON.stringify({ read: summary.read, inserted: summary.inserted, rejected: summary.rejected }));
