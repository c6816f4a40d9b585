import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { wrkCase, type Measurement } from '../lib/cases';
import { postgresDatabase, sqliteDatabase } from '../lib/databases';
import { SESSION_COOKIE, signInAs } from '../lib/fixture';
import { startServer, tail, type ServerProcess } from '../lib/processes';
import { rounded } from '../lib/report';
import { BENCH_PASSWORD, seed } from '../lib/seed';
import type { Settings } from '../lib/settings';
import { child, lineMatching, startSink } from '../fanout/run-fanout';

const OPERATOR_EMAIL = 'operator@bench.example';
const INCOMPLETE_EVERY = 10;
const PAGE = 50;
/** The keyset pages of the list load besides the first (page numbers, 1-based; the last is added). */
const DEEPER_PAGES = [2, 3, 5, 10, 20, 50, 100];

export type OperatorResult = {
  accounts: number;
  seedSeconds: number;
  liaisonStartSeconds: number;
  liaisonIdleRssMiB: number;
  /** `GET /api/v1/accounts?contactInfo=incomplete&limit=50`: the first page and deeper keyset pages. */
  list: { incompleteAccounts: number; pages: number; pagesLoaded: number[]; connections: number; liaison: Measurement };
  /** `GET /api/v1/operator/accounts.csv`, downloaded by the bench process. */
  csv: { seconds: number; bytes: number; rows: number; rowsPerSecond: number; rssBeforeMiB: number; peakRssMiB: number; serverCpuSeconds: number };
  /** `POST /api/v1/operator/broadcasts` (technical, production), fanned out by a worker process. */
  broadcast: {
    finished: boolean;
    seconds: number;
    accountsTotal: number;
    accountsDone: number;
    accountsSkipped: number;
    deliveriesQueued: number;
    accountsPerSecond: number;
    deliveriesQueuedPerSecond: number;
    /** Where the worker's delivery loop sent meanwhile, and what arrived there by the end. */
    smtp: string;
    sinkReceived: number;
    workerPeakRssMiB: number;
  };
};

type Broadcast = { id: string; status: 'running' | 'done'; accountsTotal: number; accountsDone: number; accountsSkipped: number; deliveriesQueued: number };

/**
 * The operator phase: `settings.operatorAccounts` accounts (one in ten incomplete) in a fresh
 * database; Liaison (web only) with its operator signed in over HTTP; then the CSV export of
 * every account (peak RSS of the server meanwhile), the accounts list filtered to incomplete
 * under wrk, and a broadcast to every account fanned out by a worker process.
 */
export async function runOperator(dialect: 'sqlite' | 'postgres', settings: Settings, workDir: string, log: (line: string) => void): Promise<OperatorResult> {
  const count = settings.operatorAccounts;
  const database = dialect === 'sqlite' ? sqliteDatabase() : await postgresDatabase(settings.postgresUrl);
  let liaison: ServerProcess | undefined;
  try {
    let started = performance.now();
    await seed(database.storage, count, { incompleteEvery: INCOMPLETE_EVERY });
    const seedSeconds = (performance.now() - started) / 1000;
    await database.close();
    log(`  operator: seeded ${count} accounts (one in ${INCOMPLETE_EVERY} incomplete) in ${seedSeconds.toFixed(1)} s`);

    started = performance.now();
    liaison = await startServer({
      name: 'Liaison',
      entry: 'src/server/main.ts',
      port: settings.port,
      logFile: join(workDir, 'liaison-operator.log'),
      env: {
        PORT: String(settings.port),
        DATABASE_URL: database.serverUrl,
        LIAISON_WORKER: 'off',
        SMTP_URL: 'smtp://127.0.0.1:9',
        LOG_LEVEL: 'warn',
        LIAISON_ADMIN_EMAIL: OPERATOR_EMAIL,
        LIAISON_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
    const liaisonStartSeconds = (performance.now() - started) / 1000;
    const liaisonIdleRssMiB = liaison.rssMiB();
    const operator = await signInAs(liaison.url, OPERATOR_EMAIL, BENCH_PASSWORD);
    const cookie = `${SESSION_COOKIE}=${operator.cookie}`;
    log(`  operator: Liaison (pid ${liaison.pid}) started in ${liaisonStartSeconds.toFixed(1)} s, ${liaisonIdleRssMiB.toFixed(0)} MiB; operator signed in`);

    const csv = await downloadCsv(liaison, cookie);
    if (csv.rows !== count) throw new Error(`the CSV export has ${csv.rows} rows, not ${count}:\n${tail(liaison.logFile, 5)}`);
    log(
      `  operator: CSV of ${csv.rows} accounts, ${(csv.bytes / 1048576).toFixed(1)} MiB in ${csv.seconds} s; ` +
        `Liaison peak RSS ${csv.peakRssMiB} MiB (${csv.rssBeforeMiB} MiB before)`,
    );

    const list = await loadList(liaison, cookie, settings, workDir);
    log(
      `  operator: incomplete list (${list.incompleteAccounts} accounts, ${list.pages} pages of ${PAGE}), ${list.connections} connections: ` +
        `${list.liaison.rate} req/s, p50 ${list.liaison.latencyMs.p50} ms, p99 ${list.liaison.latencyMs.p99} ms, ${list.liaison.failures} failures`,
    );

    const broadcast = await runBroadcast(liaison, operator, database.serverUrl, settings, log);
    return {
      accounts: count,
      seedSeconds: Number(seedSeconds.toFixed(2)),
      liaisonStartSeconds: Number(liaisonStartSeconds.toFixed(2)),
      liaisonIdleRssMiB: Number(liaisonIdleRssMiB.toFixed(1)),
      list,
      csv,
      broadcast,
    };
  } finally {
    await liaison?.stop();
    await database.drop();
  }
}

async function downloadCsv(liaison: ServerProcess, cookie: string): Promise<OperatorResult['csv']> {
  const rssBeforeMiB = liaison.rssMiB();
  liaison.resetPeakRss();
  const cpuBefore = liaison.cpuSeconds();
  const started = performance.now();
  const response = await fetch(`${liaison.url}/api/v1/operator/accounts.csv`, { headers: { cookie } });
  if (response.status !== 200 || !response.body) throw new Error(`GET /api/v1/operator/accounts.csv: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body) {
    bytes += chunk.byteLength;
    // Lines end in CRLF; no bench cell holds a line break.
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = lines - 1;
  return {
    seconds: Number(seconds.toFixed(2)),
    bytes,
    rows,
    rowsPerSecond: Math.round(rows / seconds),
    rssBeforeMiB: Number(rssBeforeMiB.toFixed(1)),
    peakRssMiB: Number(liaison.peakRssMiB().toFixed(1)),
    serverCpuSeconds: Number((liaison.cpuSeconds() - cpuBefore).toFixed(2)),
  };
}

async function loadList(liaison: ServerProcess, cookie: string, settings: Settings, workDir: string): Promise<OperatorResult['list']> {
  const path = (cursor?: string) => `/api/v1/accounts?contactInfo=incomplete&limit=${PAGE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  // Walk every page once: counts the filter's accounts and collects the cursors of the deeper pages.
  const cursors: (string | undefined)[] = [undefined];
  let incompleteAccounts = 0;
  for (let cursor: string | undefined, page = 1; ; page += 1) {
    const response = await fetch(`${liaison.url}${path(cursor)}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`GET ${path(cursor)}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { items: { contactInfoComplete: boolean }[]; nextCursor: string | null };
    if (body.items.some((item) => item.contactInfoComplete)) throw new Error(`GET ${path(cursor)} listed a complete account`);
    incompleteAccounts += body.items.length;
    if (body.nextCursor === null) break;
    cursor = body.nextCursor;
    cursors.push(cursor);
  }
  const pages = cursors.length;
  const pagesLoaded = [...new Set([1, ...DEEPER_PAGES.filter((p) => p < pages), pages])];
  const benchCase = wrkCase({
    name: 'operator-accounts-incomplete',
    title: `GET /api/v1/accounts?contactInfo=incomplete&limit=${PAGE} (operator's cookie; pages ${pagesLoaded.join(', ')})`,
    unit: 'req/s',
    requests: () => pagesLoaded.map((p) => ({ method: 'GET', path: path(cursors[p - 1]), headers: { Cookie: cookie } })),
  });
  const connections = settings.operatorConnections;
  const measured = await benchCase.measure({
    settings: { ...settings, connections },
    fixture: { accounts: [], signedIn: [] },
    target: liaison,
    targetName: 'liaison',
    workDir,
  });
  return { incompleteAccounts, pages, pagesLoaded, connections, liaison: rounded(measured) };
}

async function runBroadcast(
  liaison: ServerProcess,
  operator: { cookie: string; csrfToken: string },
  databaseUrl: string,
  settings: Settings,
  log: (line: string) => void,
): Promise<OperatorResult['broadcast']> {
  const headers = { cookie: `${SESSION_COOKIE}=${operator.cookie}` };
  const response = await fetch(`${liaison.url}/api/v1/operator/broadcasts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': operator.csrfToken },
    body: JSON.stringify({
      category: 'technical',
      env: 'production',
      title: 'API migration: version 3 is retired on 1 March',
      body: 'Move every call to version 4 before 1 March. The migration guide lists what changed.\nReply to this address with questions.',
    }),
  });
  if (response.status !== 202) throw new Error(`POST /api/v1/operator/broadcasts: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as Broadcast;

  // A worker process fans it out (and sends what it queues to a local SMTP sink meanwhile).
  const sink = await startSink(settings.port + 2);
  const worker = child('src/cli/worker.ts', { DATABASE_URL: databaseUrl, SMTP_URL: sink.url, SMTP_MAX_CONNECTIONS: '4', LOG_LEVEL: 'info' });
  try {
    await lineMatching(worker, (line) => line.includes('delivery worker started'));
    const started = performance.now();
    let broadcast: Broadcast;
    let lastLog = started;
    for (;;) {
      const poll = await fetch(`${liaison.url}/api/v1/operator/broadcasts/${id}`, { headers });
      if (poll.status !== 200) throw new Error(`GET /api/v1/operator/broadcasts/${id}: ${poll.status} ${await poll.text()}`);
      broadcast = (await poll.json()) as Broadcast;
      if (broadcast.status === 'done' || performance.now() - started > settings.operatorBroadcastSeconds * 1000) break;
      if (performance.now() - lastLog > 30_000) {
        lastLog = performance.now();
        log(`  operator: broadcast ${broadcast.accountsDone}/${broadcast.accountsTotal} accounts after ${((lastLog - started) / 1000).toFixed(0)} s`);
      }
      await sleep(500);
    }
    const seconds = (performance.now() - started) / 1000;
    const workerPeakRssMiB = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${worker.pid!}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    const sinkReceived = await sink.received();
    const result = {
      finished: broadcast.status === 'done',
      seconds: Number(seconds.toFixed(2)),
      accountsTotal: broadcast.accountsTotal,
      accountsDone: broadcast.accountsDone,
      accountsSkipped: broadcast.accountsSkipped,
      deliveriesQueued: broadcast.deliveriesQueued,
      accountsPerSecond: Math.round(broadcast.accountsDone / seconds),
      deliveriesQueuedPerSecond: Math.round(broadcast.deliveriesQueued / seconds),
      smtp: `local SMTP sink (bench/fanout/smtp-sink.ts), 4 connections`,
      sinkReceived,
      workerPeakRssMiB: Number(workerPeakRssMiB.toFixed(1)),
    };
    log(
      `  operator: broadcast ${result.finished ? 'done' : 'NOT done'}: ${result.accountsDone}/${result.accountsTotal} accounts, ${result.deliveriesQueued} deliveries queued in ${result.seconds} s ` +
        `(${result.accountsPerSecond} accounts/s, ${result.deliveriesQueuedPerSecond} deliveries queued/s); sink received ${sinkReceived}`,
    );
    return result;
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => (worker.exitCode !== null ? resolve(undefined) : worker.once('exit', resolve)));
    await sink.stop();
  }
}

export function operatorLines(r: OperatorResult): string[] {
  const l = r.list.liaison;
  const b = r.broadcast;
  return [
    `operator: ${r.accounts.toLocaleString('en-US')} accounts seeded in ${r.seedSeconds} s; Liaison started in ${r.liaisonStartSeconds} s, ${r.liaisonIdleRssMiB} MiB idle`,
    `  incomplete list (${r.list.incompleteAccounts} accounts, pages ${r.list.pagesLoaded.join(', ')} of ${r.list.pages}; ${r.list.connections} connections): ` +
      `${l.rate} req/s, p50 ${l.latencyMs.p50} ms, p99 ${l.latencyMs.p99} ms, peak RSS ${l.peakRssMiB} MiB, CPU ${l.serverCpuPercent} %${l.failures > 0 ? `, ${l.failures} FAILURES` : ''}`,
    `  CSV export: ${r.csv.rows} rows, ${(r.csv.bytes / 1048576).toFixed(1)} MiB in ${r.csv.seconds} s (${r.csv.rowsPerSecond} rows/s); ` +
      `Liaison peak RSS ${r.csv.peakRssMiB} MiB (${r.csv.rssBeforeMiB} MiB before), ${r.csv.serverCpuSeconds} CPU s`,
    `  broadcast (technical, worker → ${b.smtp}): ${b.finished ? 'done' : 'NOT finished'}, ${b.accountsDone}/${b.accountsTotal} accounts (${b.accountsSkipped} skipped), ` +
      `${b.deliveriesQueued} deliveries queued in ${b.seconds} s: ${b.accountsPerSecond} accounts/s, ${b.deliveriesQueuedPerSecond} deliveries queued/s; ` +
      `worker peak RSS ${b.workerPeakRssMiB} MiB; sink received ${b.sinkReceived}`,
  ];
}
