import type { CubeSnapshot } from "../rollups/rollup-cube.js";
import type { FactsCsvJob, PoolQueryName } from "./pool-queries.js";

/** A job as the pool posts it. `identity` names the database file the job must read (see `QueryPoolOptions`). */
export type WorkerJob =
  | { id: number; identity: string; kind: "query"; name: PoolQueryName; args: unknown; json?: boolean }
  | { id: number; identity: string; kind: "csv"; job: FactsCsvJob; control: SharedArrayBuffer };

/** A thread's cube of rollups, for threads started later on the database file `identity` names. */
export interface SharedCube {
  identity: string;
  snapshot: CubeSnapshot;
}

/**
 * What a worker posts back: a result (or, for a job that asked for JSON, its UTF-8 bytes), an error, a chunk of a
 * download, or the download's end; and, apart from any job (id 0), its cube whenever it changed.
 */
export type WorkerReply =
  | { id: 0; cube: SharedCube }
  | { id: number; result: unknown }
  | { id: number; json: Uint8Array }
  | { id: number; error: WorkerError }
  | { id: number; chunk: string }
  | { id: number; done: true };

/** Slots of a download's control array: chunks the pool will take now, and whether the download was cancelled. */
export const CREDITS = 0;
export const CANCELLED = 1;

/**
 * An error as it crosses from a worker: its message, and for a query the caller got wrong (a cursor from elsewhere)
 * the status and code it carries, so that the client still hears a 400 that says what to send.
 */
export interface WorkerError {
  message: string;
  statusCode?: number;
  code?: string;
}

export function toWorkerError(error: unknown): WorkerError {
  if (!(error instanceof Error)) return { message: String(error) };
  const { statusCode, code } = error as Error & { statusCode?: unknown; code?: unknown };
  return typeof statusCode === "number" && statusCode >= 400 && statusCode < 500
    ? { message: error.message, statusCode, code: typeof code === "string" ? code : "BAD_REQUEST" }
    : { message: error.message };
}

export const fromWorkerError = ({ message, ...status }: WorkerError): Error =>
  Object.assign(new Error(message), status);
