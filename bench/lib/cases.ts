import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Fixture } from './fixture';
import { machineCpu, type ServerProcess } from './processes';
import type { Settings } from './settings';
import { runWrk } from './wrk';

export type TargetName = 'baseline' | 'liaison';

export type CaseContext = {
  settings: Settings;
  fixture: Fixture;
  target: ServerProcess;
  targetName: TargetName;
  /** A temp folder for this database's run (request files, logs). */
  workDir: string;
  /** This round's measured seconds (default: all of `settings.seconds`) and whether to warm up first (default: yes). */
  round?: { seconds: number; warmup: boolean };
};

export type Measurement = {
  /** Requests (or writes) per second. */
  rate: number;
  requests: number;
  seconds: number;
  latencyMs: { p50: number; p75: number; p90: number; p99: number; max: number };
  /** Answers other than 2xx/3xx plus socket errors: anything above 0 makes the figure suspect. */
  failures: number;
  non2xx: number;
  /** wrk's socket errors; `timeout`: no answer within 5 s (such requests are left out of the latencies). */
  socketErrors: { connect: number; read: number; write: number; timeout: number };
  /** Peak resident set size of the server process during the measured load (VmHWM). */
  peakRssMiB: number;
  /** CPU the server process used during the measured load (100 = one core). */
  serverCpuPercent: number;
  /** CPU the whole machine used meanwhile, all cores (200 = both cores of a 2-core machine): load generator, database, other work. */
  machineCpuPercent: number;
};

/**
 * One benchmark case. The runner measures it on the baseline, then on Liaison, against the
 * same fixture. A case that needs more than HTTP load (e.g. draining an outbox into an SMTP
 * sink) implements `measure` itself; most are `wrkCase`s.
 */
export type BenchCase = {
  name: string;
  /** What is measured, e.g. the method and path. */
  title: string;
  unit: 'req/s' | 'writes/s';
  measure(context: CaseContext): Promise<Measurement>;
};

export type RequestLine = { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: string; headers?: Record<string, string> };

/** The request lines `lua/requests.lua` replays (tab-separated; see that script). */
export function requestFileText(lines: RequestLine[]): string {
  return lines
    .map((line) => {
      const fields = [line.method, line.path, line.body ?? '', ...Object.entries(line.headers ?? {}).map(([k, v]) => `${k}: ${v}`)];
      for (const field of fields) if (/[\t\r\n]/.test(field)) throw new Error(`a request line may not hold tabs or newlines: ${field}`);
      return fields.join('\t');
    })
    .join('\n')
    .concat('\n');
}

/**
 * A case measured with wrk: `requests` lists the requests to replay (one picked at random per
 * request; a body may hold `{{n}}`, replaced by a number that changes with every request).
 * Before the load, the first request is sent once and must answer 2xx; then a warm-up, then
 * the measured run.
 */
export function wrkCase(spec: { name: string; title: string; unit: BenchCase['unit']; requests(fixture: Fixture): RequestLine[] }): BenchCase {
  return {
    name: spec.name,
    title: spec.title,
    unit: spec.unit,
    async measure({ settings, fixture, target, workDir, round = { seconds: settings.seconds, warmup: true } }) {
      const lines = spec.requests(fixture);
      const file = join(workDir, `${spec.name}.requests`);
      if (!existsSync(file)) writeFileSync(file, requestFileText(lines));
      await probe(target.url, lines[0]!);
      const wrk = { url: target.url, requestsFile: file, threads: settings.threads, connections: settings.connections };
      if (round.warmup && settings.warmupSeconds > 0) await runWrk({ ...wrk, seconds: settings.warmupSeconds });

      target.resetPeakRss();
      const cpuBefore = target.cpuSeconds();
      const machineBefore = machineCpu();
      const started = performance.now();
      const result = await runWrk({ ...wrk, seconds: round.seconds });
      const wall = (performance.now() - started) / 1000;
      const machineAfter = machineCpu();
      const cores = availableParallelism();
      return {
        rate: result.requestsPerSecond,
        requests: result.requests,
        seconds: result.seconds,
        latencyMs: result.latencyMs,
        failures: result.non2xx + Object.values(result.socketErrors).reduce((a, b) => a + b, 0),
        non2xx: result.non2xx,
        socketErrors: result.socketErrors,
        peakRssMiB: target.peakRssMiB(),
        serverCpuPercent: ((target.cpuSeconds() - cpuBefore) / wall) * 100,
        machineCpuPercent: ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100 * cores,
      };
    },
  };
}

async function probe(url: string, line: RequestLine): Promise<void> {
  const response = await fetch(`${url}${line.path}`, {
    method: line.method,
    headers: line.headers,
    body: line.body?.replaceAll('{{n}}', '0'),
  });
  const text = await response.text();
  if (response.status < 200 || response.status > 299) throw new Error(`${line.method} ${line.path} answered ${response.status}: ${text.slice(0, 500)}`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * One measurement from a case's rounds: the rate over all of them (requests over seconds), each
 * latency percentile as the median of the rounds' (percentiles do not add up), the highest peak
 * memory, the mean CPU, and every failure counted.
 */
export function combineRounds(rounds: Measurement[]): Measurement {
  if (rounds.length === 1) return rounds[0]!;
  const sum = (pick: (m: Measurement) => number) => rounds.reduce((total, m) => total + pick(m), 0);
  const requests = sum((m) => m.requests);
  const seconds = sum((m) => m.seconds);
  const latency = (key: keyof Measurement['latencyMs']) => median(rounds.map((m) => m.latencyMs[key]));
  return {
    rate: requests / seconds,
    requests,
    seconds,
    latencyMs: { p50: latency('p50'), p75: latency('p75'), p90: latency('p90'), p99: latency('p99'), max: Math.max(...rounds.map((m) => m.latencyMs.max)) },
    failures: sum((m) => m.failures),
    non2xx: sum((m) => m.non2xx),
    socketErrors: {
      connect: sum((m) => m.socketErrors.connect),
      read: sum((m) => m.socketErrors.read),
      write: sum((m) => m.socketErrors.write),
      timeout: sum((m) => m.socketErrors.timeout),
    },
    peakRssMiB: Math.max(...rounds.map((m) => m.peakRssMiB)),
    serverCpuPercent: sum((m) => m.serverCpuPercent * m.seconds) / seconds,
    machineCpuPercent: sum((m) => m.machineCpuPercent * m.seconds) / seconds,
  };
}
