import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

export interface Measured {
  seconds: number;
  /** Peak resident set of the measured process, from the kernel (`/usr/bin/time -v`, or VmHWM when unavailable). */
  peakRssMb: number;
  /** Resident set sampled over the run: [seconds since start, MB]. */
  rssSamples: [number, number][];
  stdout: string;
  stderr: string;
}

const TIME = "/usr/bin/time";
const kb = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);

function readStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "";
  }
}

/** The first child of `pid` (the measured program when `pid` is /usr/bin/time). */
function firstChild(pid: number): number | undefined {
  try {
    const ids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/);
    return ids[0] ? Number(ids[0]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs a program to completion in its own process and measures it: wall time, peak RSS (exact, from the
 * kernel's rusage through /usr/bin/time) and RSS samples every `sampleMs` to show whether memory stays flat.
 */
export function measureProcess(
  command: string,
  args: string[],
  options: { sampleMs?: number; stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Measured> {
  const timed = existsSync(TIME);
  const child = spawn(timed ? TIME : command, timed ? ["-v", command, ...args] : args, {
    stdio: ["pipe", "pipe", "pipe"],
    env: options.env ?? process.env,
  });
  const started = performance.now();
  const samples: [number, number][] = [];
  let hwm = 0;
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.stdin ?? "");
  const timer = setInterval(() => {
    const pid = timed ? firstChild(child.pid!) : child.pid;
    if (!pid) return;
    const status = readStatus(pid);
    if (!status) return;
    hwm = Math.max(hwm, kb(status, "VmHWM"));
    samples.push([(performance.now() - started) / 1000, kb(status, "VmRSS") / 1024]);
  }, options.sampleMs ?? 250);

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr.slice(-2000)}`));
      const maxRss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ seconds, peakRssMb: Math.max(maxRss, hwm) / 1024, rssSamples: samples, stdout, stderr });
    });
  });
}
