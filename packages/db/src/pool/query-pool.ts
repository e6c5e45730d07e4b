import { availableParallelism } from "node:os";
import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import type { FactsCsvJob, PoolQueryArgs, PoolQueryName, PoolQueryResult } from "./pool-queries.js";
import {
  CANCELLED,
  CREDITS,
  fromWorkerError,
  type SharedCube,
  type WorkerJob,
  type WorkerReply,
} from "./worker-protocol.js";

export interface QueryPoolOptions {
  /** The SQLite file every worker opens read-only, or a PostgreSQL database's `postgres://` URL. */
  path: string;
  /**
   * Which file is at `path` now (device and inode, say): each job carries it, and a worker whose handle reads another
   * file opens the path anew. So a file replaced by an import is read by every worker from the next job on.
   */
  identity: () => string;
  /** Queries run at once, each on a thread of its own. Default: the cores, between 2 and 4. */
  workers?: number;
  /** Downloads streamed at once, each on a thread of its own. Default 2. */
  downloads?: number;
  /** Jobs that may wait for a thread, per kind; past that a new one is refused at once (`PoolBusyError`). */
  maxWaiting?: number;
  /** How long a query may run; past that it is abandoned (its thread ended) and refused. Default 15 s. */
  timeoutMs?: number;
  /** How long a thread may sit idle before it is ended (and started again when next needed). Default 10 s. */
  idleMs?: number;
  /**
   * Query threads never ended for being idle (default 1): the first query after a pause then finds a thread whose
   * code is compiled and whose handle is open, rather than starting one (at 1M facts a series took 248 ms on a new
   * thread against 35 ms on a kept one). Downloads keep none.
   */
  keepIdle?: number;
  /**
   * The JavaScript heap one thread may hold, in MB (default 512): it bounds the server's memory, and a query that
   * needs more is refused (`PoolBusyError`) rather than growing the process without end.
   */
  threadHeapMb?: number;
}

/** A job refused because the pool is full or the job ran out of time: try again in `retryAfterSeconds`. */
export class PoolBusyError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "PoolBusyError";
  }
}

/** A job whose caller went away: withdrawn if it waited, its thread ended if it ran. */
export class PoolAbortError extends Error {
  constructor() {
    super("the job was cancelled: its client went away");
    this.name = "PoolAbortError";
  }
}

type JobBody =
  | Omit<Extract<WorkerJob, { kind: "query" }>, "id" | "identity">
  | Omit<Extract<WorkerJob, { kind: "csv" }>, "id" | "identity">;

interface Job {
  id: number;
  body: JobBody;
  onReply(reply: WorkerReply): "running" | "finished";
  onFailure(error: Error): void;
}

interface Thread {
  worker: Worker;
  job: Job | null;
  timer?: NodeJS.Timeout;
  /**
   * Ends the thread once it has been idle a while, so that the memory a big query took goes back to the system
   * (but for the threads the lane keeps).
   */
  idle?: NodeJS.Timeout;
  /**
   * Told to stop but not yet gone: a thread inside SQLite stops only when the statement returns, and until then it
   * keeps its place, so that stopped queries never add up to more threads (and memory) than the lane's size.
   */
  ending?: boolean;
}

const WORKER_URL = new URL("./query-worker.js", import.meta.url);

/**
 * A fixed number of threads of one kind (queries or downloads), started when first needed, with a bounded queue:
 * a job waits for a free thread, and one more than `maxWaiting` is refused rather than queued without end.
 */
class Lane {
  private readonly threads: Thread[] = [];
  /** The latest cube of rollups a thread shared: a thread started later takes it over. */
  private cube: SharedCube | null = null;
  private readonly waiting: Job[] = [];
  /** Jobs handed to a thread so far. */
  started = 0;
  /** Threads ended under a job: it ran out of time, its client left, or the thread failed. */
  stopped = 0;

  constructor(
    private readonly kind: string,
    private readonly size: number,
    private readonly maxWaiting: number,
    private readonly options: QueryPoolOptions,
    private readonly timeoutMs: number | null,
    private readonly keepIdle: number,
  ) {}

  /** Queues a job, or refuses it when every thread is busy and the queue is full. */
  submit(job: Job): void {
    const idle = this.threads.find((t) => t.job === null && !t.ending);
    if (idle) return this.start(idle, job);
    if (this.threads.length < this.size) return this.start(this.spawn(), job);
    if (this.waiting.length >= this.maxWaiting) {
      throw new PoolBusyError(
        `the server is busy: ${this.size} ${this.kind} running and ${this.waiting.length} waiting; try again shortly`,
        1,
      );
    }
    this.waiting.push(job);
  }

  /** Takes a job out of the queue if it has not started; true if it was waiting. */
  withdraw(job: Job): boolean {
    const at = this.waiting.indexOf(job);
    if (at >= 0) this.waiting.splice(at, 1);
    return at >= 0;
  }

  /** Stops a job: out of the queue if it waits, its thread ended (and later replaced) if it runs. */
  cancel(job: Job): void {
    if (this.withdraw(job)) return job.onFailure(new PoolAbortError());
    const thread = this.threads.find((t) => t.job === job);
    if (thread) this.fail(thread, new PoolAbortError());
  }

  get busy() {
    return this.threads.filter((t) => t.job !== null || t.ending).length;
  }

  get alive() {
    return this.threads.filter((t) => !t.ending).length;
  }

  get queued() {
    return this.waiting.length;
  }

  async close(): Promise<void> {
    for (const job of this.waiting.splice(0)) job.onFailure(new PoolAbortError());
    for (const t of this.threads) {
      clearTimeout(t.idle);
      clearTimeout(t.timer);
      t.ending = true;
      t.job?.onFailure(new PoolAbortError());
      t.job = null;
    }
    await Promise.all(this.threads.splice(0).map((t) => t.worker.terminate()));
  }

  private spawn(): Thread {
    const worker = new Worker(WORKER_URL, {
      workerData: { path: this.options.path, timeoutMs: this.timeoutMs, cube: this.cube },
      resourceLimits: { maxOldGenerationSizeMb: this.options.threadHeapMb ?? 512 },
    });
    const thread: Thread = { worker, job: null };
    thread.worker.on("message", (reply: WorkerReply) => {
      if ("cube" in reply) {
        this.cube = reply.cube;
        return;
      }
      const job = thread.job;
      if (!job || reply.id !== job.id) return;
      if (job.onReply(reply) === "finished") this.release(thread);
    });
    thread.worker.on("error", (error: Error & { code?: string }) =>
      this.fail(
        thread,
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new PoolBusyError("the query needs more memory than one query may take: narrow it (a period, a vendor)", 5)
          : error,
      ),
    );
    thread.worker.on("exit", () => {
      if (!thread.ending) this.fail(thread, new Error("a query thread stopped"));
      this.remove(thread);
    });
    this.threads.push(thread);
    return thread;
  }

  private start(thread: Thread, job: Job) {
    clearTimeout(thread.idle);
    thread.job = job;
    this.started++;
    const message = { ...job.body, id: job.id, identity: this.options.identity() };
    if (this.timeoutMs !== null) {
      const seconds = this.timeoutMs / 1000;
      thread.timer = setTimeout(() => {
        this.fail(
          thread,
          new PoolBusyError(
            `the query took longer than ${seconds} s and was stopped: narrow it (a period, a vendor)`,
            5,
          ),
        );
      }, this.timeoutMs);
    }
    thread.worker.postMessage(message);
  }

  private release(thread: Thread) {
    clearTimeout(thread.timer);
    thread.job = null;
    const next = this.waiting.shift();
    if (next) return this.start(thread, next);
    thread.idle = setTimeout(() => this.end(thread), this.options.idleMs ?? 10_000).unref();
  }

  /** Ends an idle thread, unless it is one of those the lane keeps. */
  private end(thread: Thread) {
    if (thread.job || thread.ending || this.alive <= this.keepIdle) return;
    thread.ending = true;
    void thread.worker.terminate();
  }

  /** A thread that timed out, crashed or was cancelled: its job fails, and the thread is told to end. */
  private fail(thread: Thread, error: Error) {
    if (thread.ending || !this.threads.includes(thread)) return;
    thread.ending = true;
    if (thread.job) this.stopped++;
    clearTimeout(thread.timer);
    clearTimeout(thread.idle);
    const job = thread.job;
    thread.job = null;
    void thread.worker.terminate();
    job?.onFailure(error);
  }

  /** A thread gone: its place is freed for the next waiting job. */
  private remove(thread: Thread) {
    const at = this.threads.indexOf(thread);
    if (at < 0) return;
    this.threads.splice(at, 1);
    const next = this.waiting.shift();
    if (next) this.submit(next);
  }
}

/**
 * Read queries and downloads on threads of their own, each with its own read-only handle, so that no query, however
 * slow, and no download, however large, holds up the server's event loop: health, cached answers and small
 * queries go on meanwhile. Queues are bounded and queries have a time budget, so overload is refused quickly
 * (`PoolBusyError`) rather than queued without end.
 */
export class QueryPool {
  private readonly queries: Lane;
  private readonly downloads: Lane;
  private nextId = 1;

  constructor(options: QueryPoolOptions) {
    const workers = options.workers ?? Math.min(4, Math.max(2, availableParallelism()));
    const waiting = options.maxWaiting ?? 64;
    this.queries = new Lane("queries", workers, waiting, options, options.timeoutMs ?? 15_000, options.keepIdle ?? 1);
    this.downloads = new Lane("downloads", options.downloads ?? 2, Math.min(waiting, 8), options, null, 0);
  }

  /**
   * Runs a named query (see `POOL_QUERIES`) on a free thread. `signal` cancels it: withdrawn if it waits, its
   * thread ended if it runs (the thread is replaced when next needed).
   */
  run<N extends PoolQueryName>(name: N, args: PoolQueryArgs<N>, signal?: AbortSignal): Promise<PoolQueryResult<N>> {
    return this.submitQuery(name, args, false, signal) as Promise<PoolQueryResult<N>>;
  }

  /**
   * `run`, its result as JSON text in UTF-8: serialised on the query's thread and handed over as bytes (one memory
   * copy), so the event loop neither clones the result in nor serialises it.
   */
  runJson<N extends PoolQueryName>(name: N, args: PoolQueryArgs<N>, signal?: AbortSignal): Promise<Buffer> {
    return this.submitQuery(name, args, true, signal) as Promise<Buffer>;
  }

  private submitQuery(name: PoolQueryName, args: unknown, json: boolean, signal?: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextId++,
        body: { kind: "query", name, args, json },
        onReply: (reply) => {
          if ("result" in reply) resolve(reply.result);
          else if ("json" in reply) resolve(Buffer.from(reply.json.buffer, reply.json.byteOffset, reply.json.length));
          else if ("error" in reply) reject(fromWorkerError(reply.error));
          return "finished";
        },
        onFailure: reject,
      };
      this.queries.submit(job);
      signal?.addEventListener("abort", () => this.queries.cancel(job), { once: true });
    });
  }

  /**
   * The facts download as a byte stream, produced on a thread of its own only as fast as it is read. Destroying
   * the stream (the client hung up) stops the thread's reading. Throws `PoolBusyError` at once when every download
   * thread is busy and the queue is full.
   */
  factsCsv(job: FactsCsvJob): Readable {
    const control = new Int32Array(new SharedArrayBuffer(8));
    Atomics.store(control, CREDITS, 2);
    let pending: Job | null = null;
    const stream = new Readable({
      read() {
        Atomics.add(control, CREDITS, 1);
        Atomics.notify(control, CREDITS);
      },
      destroy: (error, callback) => {
        Atomics.store(control, CANCELLED, 1);
        Atomics.notify(control, CREDITS);
        if (pending) this.downloads.withdraw(pending);
        callback(error);
      },
    });
    pending = {
      id: this.nextId++,
      body: { kind: "csv", job, control: control.buffer },
      onReply: (reply) => {
        if ("chunk" in reply) {
          stream.push(reply.chunk);
          return "running";
        }
        if ("error" in reply) stream.destroy(fromWorkerError(reply.error));
        else stream.push(null);
        return "finished";
      },
      onFailure: (error) => stream.destroy(error),
    };
    this.downloads.submit(pending);
    return stream;
  }

  /**
   * Reads the rollups into memory on a query thread, which hands them to the threads started after it, and warms
   * that thread's query code (see `warmUp`): the server calls it before it listens, so that no request waits for
   * either. The pool keeps one thread when idle (`keepIdle`), so that its warmed code stays.
   */
  warm(): Promise<PoolQueryResult<"warm">> {
    return this.run("warm", undefined);
  }

  /** Threads alive and busy, jobs waiting, and jobs started and threads stopped so far, by kind. */
  stats() {
    const of = (lane: Lane) => ({
      threads: lane.alive,
      busy: lane.busy,
      waiting: lane.queued,
      started: lane.started,
      stopped: lane.stopped,
    });
    return { queries: of(this.queries), downloads: of(this.downloads) };
  }

  /** Ends every thread; waiting jobs fail with `PoolAbortError`. */
  async close(): Promise<void> {
    await Promise.all([this.queries.close(), this.downloads.close()]);
  }
}
