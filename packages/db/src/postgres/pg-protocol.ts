import type { MessagePort } from "node:worker_threads";

/** What the handle asks its I/O thread: one statement, a script, a cursor's next rows, or to close. */
export type PgRequest =
  | { id: number; op: "query"; text: string; values: unknown[]; rowMode: "object" | "array" }
  | { id: number; op: "exec"; text: string }
  | { id: number; op: "open"; text: string; values: unknown[]; rowMode: "object" | "array" }
  | { id: number; op: "fetch"; cursor: string; count: number }
  | { id: number; op: "shut"; cursor: string }
  | { id: number; op: "close" };

/** The I/O thread's answer: rows (and rows changed), a cursor's name, or PostgreSQL's error. */
export type PgReply =
  | { id: number; rows: unknown[]; changes: number; cursor?: string }
  | { id: number; error: { message: string; code?: string } };

/** Slots of the shared state: the reply is ready (1) or not (0); the I/O thread has stopped (1). */
export const READY = 0;
export const STOPPED = 1;

/** How the I/O thread is started: the server to connect to and the state it signals through. */
export interface PgWorkerData {
  url: string;
  readonly: boolean;
  statementTimeoutMs: number;
  state: SharedArrayBuffer;
  port: MessagePort;
}
