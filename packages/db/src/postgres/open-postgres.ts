import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { DIALECT, postgresDialect } from "../dialect/dialect.js";
import type { SqlDb, SqlRunResult, SqlStatement } from "../sql-db.js";
import { READY, STOPPED, type PgReply, type PgRequest, type PgWorkerData } from "./pg-protocol.js";
import { toPostgresSql } from "./to-postgres-sql.js";

export interface OpenPostgresOptions {
  /** Every transaction read-only (`default_transaction_read_only`): the API's handles. */
  readonly?: boolean;
  /** How long one call may wait for PostgreSQL before it fails; statements are cancelled past it too. Default 60 s. */
  timeoutMs?: number;
}

// Compiled, the I/O thread sits beside this file; run from the TypeScript sources (tests), it is the built one.
const WORKER_URL = import.meta.url.endsWith(".ts")
  ? new URL("../../dist/postgres/pg-io-worker.js", import.meta.url)
  : new URL("./pg-io-worker.js", import.meta.url);

/** Rows a cursor reads per round trip when a statement is iterated. */
const BATCH = 500;

/**
 * A PostgreSQL connection behind the same synchronous interface as better-sqlite3: a thread of its own holds the
 * `pg` client, and each call posts its statement there and blocks (`Atomics.wait`) until the reply is in. So the
 * query code runs unchanged on either engine; like SQLite's, its calls block the thread that makes them.
 */
export class PostgresDb implements SqlDb {
  readonly [DIALECT] = postgresDialect;
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flags = new Int32Array(new SharedArrayBuffer(8));
  private readonly timeoutMs: number;
  private nextId = 1;
  private failure: Error | null = null;
  open = true;
  readonly readonly: boolean;

  constructor(url: string, { readonly = false, timeoutMs = 60_000 }: OpenPostgresOptions = {}) {
    this.timeoutMs = timeoutMs;
    this.readonly = readonly;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const workerData: PgWorkerData = {
      url,
      readonly,
      statementTimeoutMs: timeoutMs,
      state: this.flags.buffer,
      port: port2,
    };
    this.worker = new Worker(WORKER_URL, { workerData, transferList: [port2] });
    this.worker.unref();
    this.port.unref();
  }

  prepare(sql: string): SqlStatement {
    if (!this.open) throw new TypeError("The database connection is not open");
    return new PostgresStatement(this, sql);
  }

  /** Runs a script of one or more statements, without parameters. */
  exec(sql: string): this {
    this.call({ op: "exec", text: sql });
    return this;
  }

  close(): this {
    if (!this.open) return this;
    this.open = false;
    try {
      if (!this.failure) this.call({ op: "close" });
    } catch {
      // a connection that never opened, or has broken, has nothing to close
    } finally {
      void this.worker.terminate();
    }
    return this;
  }

  /** Posts a request to the I/O thread and blocks until it answers, the thread stops or the time is up. */
  call(request: DistributiveOmit<PgRequest, "id">): Extract<PgReply, { rows: unknown[] }> {
    if (this.failure) throw this.failure;
    const id = this.nextId++;
    Atomics.store(this.flags, READY, 0);
    this.port.postMessage({ ...request, id });
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (Atomics.load(this.flags, STOPPED) === 1)
        return this.fail(new Error("the PostgreSQL connection's thread stopped"));
      if (left <= 0)
        return this.fail(
          new Error(`PostgreSQL did not answer within ${this.timeoutMs / 1000} s: the connection was closed`),
        );
      Atomics.wait(this.flags, READY, 0, Math.min(left, 1000));
      const message = receiveMessageOnPort(this.port)?.message as PgReply | undefined;
      if (!message || message.id !== id) continue;
      if ("error" in message) throw Object.assign(new Error(message.error.message), { code: message.error.code });
      return message;
    }
  }

  /** A connection that stopped answering is unusable from then on: it fails every call, its thread ended. */
  private fail(error: Error): never {
    this.failure = error;
    this.open = false;
    void this.worker.terminate();
    throw error;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

class PostgresStatement implements SqlStatement {
  private mode: "object" | "array" | "pluck" = "object";

  constructor(
    private readonly db: PostgresDb,
    private readonly sql: string,
  ) {}

  pluck(toggleState = true): this {
    this.mode = toggleState ? "pluck" : this.mode === "pluck" ? "object" : this.mode;
    return this;
  }

  raw(toggleState = true): this {
    this.mode = toggleState ? "array" : this.mode === "array" ? "object" : this.mode;
    return this;
  }

  all(...params: unknown[]): unknown[] {
    const { text, values } = toPostgresSql(this.sql, params);
    const { rows } = this.db.call({ op: "query", text, values, rowMode: this.mode === "object" ? "object" : "array" });
    return this.shape(rows);
  }

  get(...params: unknown[]): unknown {
    return this.all(...params)[0];
  }

  run(...params: unknown[]): SqlRunResult {
    const { text, values } = toPostgresSql(this.sql, params);
    return { changes: this.db.call({ op: "query", text, values, rowMode: "array" }).changes, lastInsertRowid: 0 };
  }

  /** Rows a batch at a time through a server-side cursor; leaving the loop early closes the cursor. */
  *iterate(...params: unknown[]): IterableIterator<unknown> {
    const { text, values } = toPostgresSql(this.sql, params);
    const rowMode = this.mode === "object" ? "object" : "array";
    const { cursor } = this.db.call({ op: "open", text, values, rowMode });
    try {
      for (;;) {
        const { rows } = this.db.call({ op: "fetch", cursor: cursor!, count: BATCH });
        yield* this.shape(rows);
        if (rows.length < BATCH) break;
      }
    } finally {
      if (this.db.open) this.db.call({ op: "shut", cursor: cursor! });
    }
  }

  private shape(rows: unknown[]): unknown[] {
    return this.mode === "pluck" ? (rows as unknown[][]).map((r) => r[0]) : rows;
  }
}

/** Opens a PostgreSQL database (`postgres://…`) as a synchronous handle; the connection is made on first use. */
export function openPostgres(url: string, options?: OpenPostgresOptions): PostgresDb {
  return new PostgresDb(url, options);
}
