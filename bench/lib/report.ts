import { fanOutLines, type FanOutResult } from '../fanout/run-fanout';
import { operatorLines, type OperatorResult } from '../operator/run-operator';
import type { BenchCase, Measurement } from './cases';
import type { Settings } from './settings';

export type CaseResult = {
  case: string;
  title: string;
  unit: BenchCase['unit'];
  liaison: Measurement;
  baseline: Measurement;
  /** Liaison's rate over the baseline's, for the same case in the same run. */
  ratio: number;
};

export type DatabaseResult = {
  database: 'sqlite' | 'postgres';
  description: string;
  seedSeconds: number;
  /** From spawning the server until it answered /healthz (tsx transpiling, migrations, operator). */
  liaisonStartSeconds: number;
  liaisonIdleRssMiB: number;
  baselineIdleRssMiB: number;
  cases: CaseResult[];
  /** The outbox drained into an SMTP sink, beside nodemailer's pooled transport. */
  fanOut?: FanOutResult;
  /** The operator phase: the incomplete accounts list, the CSV export and a broadcast to every account. */
  operator?: OperatorResult;
};

export type Report = {
  at: string;
  node: string;
  machine: { cpus: number; model: string; loadAverageAtStart: number[] };
  settings: Pick<Settings, 'seconds' | 'rounds' | 'warmupSeconds' | 'threads' | 'connections' | 'accounts' | 'signedIn' | 'operatorAccounts' | 'operatorConnections'> & { generator: string };
  durationSeconds: number;
  databases: DatabaseResult[];
};

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Rounds a measurement for results.json (more digits than noise would only mislead). */
export function rounded(m: Measurement): Measurement {
  return {
    ...m,
    rate: round(m.rate, 1),
    seconds: round(m.seconds, 2),
    latencyMs: Object.fromEntries(Object.entries(m.latencyMs).map(([k, v]) => [k, round(v, 2)])) as Measurement['latencyMs'],
    peakRssMiB: round(m.peakRssMiB, 1),
    serverCpuPercent: round(m.serverCpuPercent, 0),
    machineCpuPercent: round(m.machineCpuPercent, 0),
  };
}

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

const COLUMNS: [string, number][] = [
  ['case', 22],
  ['Liaison', 10],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['RSS MiB', 8],
  ['CPU %', 6],
  ['host %', 7],
  ['baseline', 10],
  ['p50 ms', 7],
  ['p99 ms', 7],
  ['RSS MiB', 8],
  ['ratio', 6],
];

function row(cells: string[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[i]![1]) : cell.padStart(COLUMNS[i]![1]))).join(' ');
}

export function tableHeader(): string {
  return row(COLUMNS.map(([name]) => name));
}

export function tableRow(result: CaseResult): string {
  const { liaison: l, baseline: b } = result;
  const failures = (m: Measurement) => `${m.non2xx} non-2xx, ${m.socketErrors.timeout} timeouts, ${m.failures - m.non2xx - m.socketErrors.timeout} other`;
  const flag = l.failures > 0 || b.failures > 0 ? `  (failed: Liaison ${failures(l)}; baseline ${failures(b)})` : '';
  return (
    row([
      result.case,
      `${thousands(l.rate)}${result.unit === 'writes/s' ? ' w/s' : '/s'}`,
      ms(l.latencyMs.p50),
      ms(l.latencyMs.p99),
      l.peakRssMiB.toFixed(0),
      l.serverCpuPercent.toFixed(0),
      l.machineCpuPercent.toFixed(0),
      `${thousands(b.rate)}/s`,
      ms(b.latencyMs.p50),
      ms(b.latencyMs.p99),
      b.peakRssMiB.toFixed(0),
      result.ratio.toFixed(2),
    ]) + flag
  );
}

/** The whole report as text, one table per database. */
export function formatReport(report: Report): string {
  const s = report.settings;
  const out = [
    `Liaison vs bare Fastify (baseline): ${s.generator}, ${s.seconds} s per case and target in ${s.rounds} alternating rounds, after ${s.warmupSeconds} s warm-up; ` +
      `${thousands(s.accounts)} accounts, ${s.signedIn} admins signed in; ${report.machine.cpus} cores (${report.machine.model}), Node ${report.node}`,
    'RSS: peak resident memory of the server process during the case; CPU %: of the Liaison process (100 = one core); ' +
      `host %: of the whole machine meanwhile (${report.machine.cpus * 100} = all cores busy: the server had to share); ratio: Liaison / baseline rate.`,
  ];
  for (const d of report.databases) {
    out.push('', `${d.database}: ${d.description}; seeded in ${d.seedSeconds.toFixed(1)} s; Liaison started in ${d.liaisonStartSeconds.toFixed(1)} s, ${d.liaisonIdleRssMiB.toFixed(0)} MiB idle (baseline ${d.baselineIdleRssMiB.toFixed(0)} MiB)`);
    out.push(tableHeader(), ...d.cases.map(tableRow));
    if (d.fanOut) out.push('', ...fanOutLines(d.fanOut));
    if (d.operator) out.push('', ...operatorLines(d.operator));
  }
  out.push('', `Total ${report.durationSeconds.toFixed(0)} s.`);
  return out.join('\n');
}
