/** Child process of the export benchmark: the library's full facts export to one CSV file. */
import { exportFacts, openReadonly } from "@chipflow/db";

const [dbPath, out] = process.argv.slice(2) as [string, string];
const handle = openReadonly(dbPath);
const { count } = await exportFacts(handle, {}, out, "csv");
handle.close();
console.log(JSON.stringify({ count }));
