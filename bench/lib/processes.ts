import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** The repository root: servers run from here, as `npm start` does. */
export const ROOT = new URL('../../', import.meta.url).pathname;

const CLOCK_TICKS_PER_SECOND = 100;

export type ServerProcess = {
  name: string;
  pid: number;
  url: string;
  logFile: string;
  /** Resets the peak resident set size (VmHWM) to the current one, so the next reading covers what follows. */
  resetPeakRss(): void;
  /** Peak resident set size since start or the last reset, in MiB (VmHWM of /proc/<pid>/status). */
  peakRssMiB(): number;
  /** Resident set size now, in MiB (VmRSS). */
  rssMiB(): number;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
};

const running = new Set<ChildProcess>();

/** Counts a helper process (worker, SMTP sink) among those `killAll` kills. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Kills every server and helper process still running (the bench failed or was interrupted). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/**
 * Starts a TypeScript entry point as its own Node process (`node --import tsx`, which is what
 * the `tsx` command runs in its child process, without the extra parent) and waits until
 * `GET /healthz` answers 200.
 */
export async function startServer(options: {
  name: string;
  entry: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  nodeOptions?: string[];
}): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  if (await answers(`${url}/healthz`)) throw new Error(`port ${options.port} is already in use: set BENCH_PORT to a free one`);
  const log = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, [...(options.nodeOptions ?? []), '--import', 'tsx', options.entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  running.add(child);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? -1 : 0);
      running.delete(child);
      resolve();
    }),
  );
  const pid = child.pid!;
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${url}/healthz`))) {
    if (exited !== undefined) throw new Error(`${options.name} exited with ${exited} before it answered:\n${tail(options.logFile)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} did not answer ${url}/healthz within 60 s:\n${tail(options.logFile)}`);
    }
    await sleep(100);
  }
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    name: options.name,
    pid,
    url,
    logFile: options.logFile,
    resetPeakRss() {
      // "5" resets the peak RSS (Linux ≥ 4.0); the owner of the process may write it.
      try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
      } catch {
        // Not permitted here: the peak then covers the whole life of the process.
      }
    },
    peakRssMiB() {
      return Number(/VmHWM:\s+(\d+) kB/.exec(status())?.[1] ?? NaN) / 1024;
    },
    rssMiB() {
      return Number(/VmRSS:\s+(\d+) kB/.exec(status())?.[1] ?? NaN) / 1024;
    },
    cpuSeconds() {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    },
    async stop() {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Busy and total CPU time of the whole machine (all cores), from /proc/stat, in clock ticks. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}
