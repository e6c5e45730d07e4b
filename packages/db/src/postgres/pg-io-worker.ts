import pg from "pg";
import { workerData } from "node:worker_threads";
import { READY, STOPPED, type PgReply, type PgRequest, type PgWorkerData } from "./pg-protocol.js";

// Results typed as SQLite gives them: whole numbers and sums as numbers, truth values as 1 and 0.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
pg.types.setTypeParser(pg.types.builtins.BOOL, (v) => (v === "t" ? 1 : 0));

const { url, readonly, statementTimeoutMs, state, port } = workerData as PgWorkerData;
const flags = new Int32Array(state);
const client = new pg.Client({
  connectionString: url,
  application_name: "chipflow",
  statement_timeout: statementTimeoutMs,
  options: readonly ? "-c default_transaction_read_only=on" : undefined,
});
let broken: Error | null = null;
client.on("error", (error) => (broken = error));
const connected = client.connect();
/** One statement, its rows as objects or as arrays. */
const run = (text: string, values: unknown[], rowMode: "object" | "array") =>
  rowMode === "array" ? client.query({ text, values, rowMode: "array" }) : client.query({ text, values });
let cursors = 0;
/** The open cursors and how each gives its rows. */
const open = new Map<string, "object" | "array">();

process.on("exit", () => {
  Atomics.store(flags, STOPPED, 1);
  Atomics.notify(flags, READY);
});

async function answer(request: PgRequest): Promise<PgReply> {
  await connected;
  if (broken) throw broken;
  const { id } = request;
  switch (request.op) {
    case "query": {
      const result = await run(request.text, request.values, request.rowMode);
      return { id, rows: result.rows, changes: result.rowCount ?? 0 };
    }
    case "exec":
      await client.query(request.text);
      return { id, rows: [], changes: 0 };
    case "open": {
      // Rows read a batch at a time through a cursor, inside a transaction of their own while any cursor is open.
      const cursor = `chipflow_cursor_${++cursors}`;
      if (open.size === 0) await client.query("BEGIN");
      await client.query({ text: `DECLARE ${cursor} NO SCROLL CURSOR FOR ${request.text}`, values: request.values });
      open.set(cursor, request.rowMode);
      return { id, rows: [], changes: 0, cursor };
    }
    case "fetch": {
      const rowMode = open.get(request.cursor) ?? "object";
      const result = await run(`FETCH ${request.count} FROM ${request.cursor}`, [], rowMode);
      return { id, rows: result.rows, changes: 0 };
    }
    case "shut":
      if (!open.delete(request.cursor)) return { id, rows: [], changes: 0 };
      await client.query(`CLOSE ${request.cursor}`);
      if (open.size === 0) await client.query("COMMIT");
      return { id, rows: [], changes: 0 };
    case "close":
      await client.end();
      return { id, rows: [], changes: 0 };
  }
}

let queue = Promise.resolve();
port.on("message", (request: PgRequest) => {
  queue = queue.then(async () => {
    let reply: PgReply;
    try {
      reply = await answer(request);
    } catch (error) {
      const { message, code } = error as Error & { code?: string };
      reply = { id: request.id, error: { message, ...(code ? { code } : {}) } };
    }
    port.postMessage(reply);
    Atomics.store(flags, READY, 1);
    Atomics.notify(flags, READY);
    if (request.op === "close") port.close();
  });
});
