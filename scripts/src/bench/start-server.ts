import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CHILD = fileURLToPath(new URL("./server-child.js", import.meta.url));

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts `server-child.js` in its own process (so client and server do not share an event loop), with `env` added
 * to this process's environment (CHIPFLOW_DATABASE_URL for a chipflow reading PostgreSQL).
 */
export function startServer(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [CHILD, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`server exited ${code} before listening`)));
    child.stdout.once("data", (d: Buffer) =>
      resolve({
        url: d.toString().trim(),
        stop: () =>
          new Promise((done) => {
            child.removeAllListeners("exit");
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      }),
    );
  });
}
