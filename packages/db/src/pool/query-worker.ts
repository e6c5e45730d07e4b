import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { isPostgresUrl, openPostgresReadonly, openReadonly, type ReadonlyDb } from "../handles.js";
import { POOL_QUERIES, factsCsvText, type FactsCsvJob } from "./pool-queries.js";
import { adoptCube, cubeSnapshot, cubeVersion } from "../rollups/rollup-cube.js";
import { jsonBytes } from "./json-bytes.js";
import {
  CANCELLED,
  CREDITS,
  toWorkerError,
  type SharedCube,
  type WorkerJob,
  type WorkerReply,
} from "./worker-protocol.js";

// Below the event loop in the scheduler's eyes: on Linux a thread's nice value is its own, so the server's main
// thread keeps answering health and cached queries at once however busy the query threads are.
try {
  setPriority(10);
} catch {
  // not permitted here: run at the server's priority
}

const port = parentPort!;
const { path, timeoutMs, cube } = workerData as { path: string; timeoutMs: number | null; cube: SharedCube | null };
let db: ReadonlyDb | null = null;
let identity = "";
/** The version of the cube the pool holds from this thread (or gave it). */
let sharedVersion = -1;

/** The handle on the file the job names: a file replaced since the last job is opened anew. */
function handleFor(jobIdentity: string): ReadonlyDb {
  if (!db || jobIdentity !== identity) {
    db?.close();
    // On PostgreSQL a statement is cancelled when the pool gives up on it, not left running after the thread ends.
    db = isPostgresUrl(path) ? openPostgresReadonly(path, timeoutMs === null ? {} : { timeoutMs }) : openReadonly(path);
    identity = jobIdentity;
    // The rollups another thread read on this same file: taken over, not read again.
    if (cube?.identity === identity) adoptCube(db, cube.snapshot);
    sharedVersion = cubeVersion(db);
  }
  return db;
}

/** Hands the pool this thread's cube when a query changed it, so that threads started later need not read it. */
function shareCube(handle: ReadonlyDb) {
  const version = cubeVersion(handle);
  if (version === sharedVersion) return;
  sharedVersion = version;
  port.postMessage({ id: 0, cube: { identity, snapshot: cubeSnapshot(handle)! } } satisfies WorkerReply);
}

/**
 * Sends the download chunk by chunk, each only once the pool has room for it: the worker waits (it may block: it
 * is a thread of its own) until the pool grants a credit or cancels, so a slow client never makes it read ahead.
 */
function streamCsv(id: number, job: FactsCsvJob, handle: ReadonlyDb, control: Int32Array) {
  for (const chunk of factsCsvText(handle, job)) {
    while (Atomics.load(control, CREDITS) <= 0 && Atomics.load(control, CANCELLED) === 0) {
      Atomics.wait(control, CREDITS, Atomics.load(control, CREDITS), 1000);
    }
    if (Atomics.load(control, CANCELLED) !== 0) return;
    Atomics.sub(control, CREDITS, 1);
    port.postMessage({ id, chunk } satisfies WorkerReply);
  }
}

port.on("message", (job: WorkerJob) => {
  try {
    const handle = handleFor(job.identity);
    if (job.kind === "query") {
      const run = POOL_QUERIES[job.name] as (db: ReadonlyDb, args: unknown) => unknown;
      const result = run(handle, job.args);
      shareCube(handle);
      if (job.json) {
        // Serialised here, off the event loop. The bytes are copied over, not transferred: the first buffer a
        // thread detaches makes V8 drop every function it optimised on typed arrays (the rollups' sums among them),
        // and the thread's next queries ran unoptimised again.
        const json = jsonBytes(result);
        port.postMessage({ id: job.id, json } satisfies WorkerReply);
      } else port.postMessage({ id: job.id, result } satisfies WorkerReply);
    } else {
      streamCsv(job.id, job.job, handle, new Int32Array(job.control));
      port.postMessage({ id: job.id, done: true } satisfies WorkerReply);
    }
  } catch (error) {
    port.postMessage({ id: job.id, error: toWorkerError(error) } satisfies WorkerReply);
  }
});
