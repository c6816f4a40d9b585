import { execFile } from 'node:child_process';

export const WRK = process.env.BENCH_WRK ?? '/usr/bin/wrk';
const SCRIPT = new URL('../lua/requests.lua', import.meta.url).pathname;

export type WrkResult = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p75: number; p90: number; p99: number; max: number };
  /** Responses other than 2xx or 3xx. */
  non2xx: number;
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  raw: string;
};

/**
 * Runs wrk against one server on 127.0.0.1 with `lua/requests.lua` replaying the request lines
 * of `requestsFile` (see that script), and parses its report.
 */
export function runWrk(options: { url: string; requestsFile: string; seconds: number; threads: number; connections: number }): Promise<WrkResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1') throw new Error(`wrk targets 127.0.0.1 only (got ${options.url})`);
  const args = [
    `--threads=${options.threads}`,
    `--connections=${options.connections}`,
    `--duration=${options.seconds}s`,
    '--timeout=5s',
    '--latency',
    `--script=${SCRIPT}`,
    `${target.origin}/`,
    '--',
    options.requestsFile,
  ];
  return new Promise((resolve, reject) => {
    execFile(WRK, args, { timeout: (options.seconds + 30) * 1000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk failed: ${error.message}\n${stdout}${stderr}`));
      try {
        resolve(parseWrk(stdout));
      } catch (parseError) {
        reject(parseError);
      }
    });
  });
}

const UNITS_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function duration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text);
  if (!match) throw new Error(`wrk: unreadable duration ${text}`);
  return Number(match[1]) * UNITS_MS[match[2]!]!;
}

/** Reads wrk 4's text report (with --latency). */
export function parseWrk(output: string): WrkResult {
  const need = (re: RegExp, what: string) => {
    const match = re.exec(output);
    if (!match) throw new Error(`wrk: no ${what} in its report:\n${output}`);
    return match;
  };
  const percentile = (p: number) => duration(need(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm'), `${p}th percentile`)[1]!);
  const total = need(/^\s+(\d+) requests in ([\d.]+\w+),/m, 'request count');
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: Number(total[1]),
    seconds: duration(total[2]!) / 1000,
    requestsPerSecond: Number(need(/^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec')[1]),
    latencyMs: {
      p50: percentile(50),
      p75: percentile(75),
      p90: percentile(90),
      p99: percentile(99),
      max: duration(need(/^\s+Latency\s+\S+\s+\S+\s+(\S+)/m, 'latency max')[1]!),
    },
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
    socketErrors: {
      connect: Number(errors?.[1] ?? 0),
      read: Number(errors?.[2] ?? 0),
      write: Number(errors?.[3] ?? 0),
      timeout: Number(errors?.[4] ?? 0),
    },
    raw: output,
  };
}
