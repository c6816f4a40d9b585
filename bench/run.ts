import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES } from './cases';
import { fanOutLines, runFanOut } from './fanout/run-fanout';
import { combineRounds, type Measurement, type TargetName } from './lib/cases';
import { operatorLines, runOperator } from './operator/run-operator';
import { dropAll, postgresDatabase, sqliteDatabase, type BenchDatabase } from './lib/databases';
import { captureBaselineData, signIn, type Fixture } from './lib/fixture';
import { killAll, ROOT, startServer, tail, type ServerProcess } from './lib/processes';
import { monotonicMicroseconds, summarizeProfile, type ProfileWindow } from './lib/profile';
import { formatReport, rounded, tableHeader, tableRow, type CaseResult, type DatabaseResult, type Report } from './lib/report';
import { BENCH_PASSWORD, seed } from './lib/seed';
import { loadSettings, type Settings } from './lib/settings';
import { WRK } from './lib/wrk';

/**
 * `npm run bench`: for each database, seed the accounts, start Liaison's production server
 * (src/server/main.ts) and the bare-Fastify baseline as processes of their own, and load each
 * case from wrk, a third process: first the baseline, then Liaison. Load goes to 127.0.0.1
 * only and every run is bounded in time. Writes bench/results.json and prints a table.
 */

const cleanups: (() => Promise<void>)[] = [];

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

async function runDatabase(dialect: 'sqlite' | 'postgres', settings: Settings, cases: typeof CASES): Promise<DatabaseResult> {
  const workDir = mkdtempSync(join(tmpdir(), `liaison-bench-${dialect}-`));
  if (settings.profile) rmSync(profileDir(dialect), { recursive: true, force: true });
  const database: BenchDatabase = dialect === 'sqlite' ? sqliteDatabase() : await postgresDatabase(settings.postgresUrl);
  const servers: ServerProcess[] = [];
  // When each case loaded Liaison (warm-up included), to read the profile case by case.
  const profileWindows: ProfileWindow[] = [];
  const cleanup = async () => {
    for (const server of servers.splice(0)) await server.stop();
    await database.drop();
    rmSync(workDir, { recursive: true, force: true });
  };
  cleanups.push(cleanup);
  try {
    log(`\n${dialect}: ${database.description}`);
    let started = performance.now();
    const accounts = await seed(database.storage, settings.accounts);
    const seedSeconds = (performance.now() - started) / 1000;
    await database.close();
    log(`  seeded ${accounts.length} complete accounts in ${seedSeconds.toFixed(1)} s`);

    started = performance.now();
    const liaison = await startServer({
      name: 'Liaison',
      entry: 'src/server/main.ts',
      port: settings.port,
      logFile: join(workDir, 'liaison.log'),
      nodeOptions: settings.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir(dialect)}`] : [],
      env: {
        PORT: String(settings.port),
        DATABASE_URL: database.serverUrl,
        // The web process alone: these cases send no mail, and the delivery loop would only poll.
        LIAISON_WORKER: 'off',
        SMTP_URL: 'smtp://127.0.0.1:9',
        LOG_LEVEL: 'warn',
        LIAISON_ADMIN_EMAIL: 'operator@bench.example',
        LIAISON_ADMIN_PASSWORD: BENCH_PASSWORD,
      },
    });
    servers.push(liaison);
    const liaisonStartSeconds = (performance.now() - started) / 1000;
    const liaisonIdleRssMiB = liaison.rssMiB();
    log(`  Liaison (pid ${liaison.pid}) answers on ${liaison.url} after ${liaisonStartSeconds.toFixed(1)} s`);

    const fixture: Fixture = { accounts, signedIn: await signIn(liaison.url, accounts, settings.signedIn) };
    const dataFile = join(workDir, 'baseline-data.json');
    await captureBaselineData(liaison.url, fixture, dataFile);
    const baseline = await startServer({
      name: 'baseline',
      entry: 'bench/lib/baseline-server.ts',
      port: settings.port + 1,
      logFile: join(workDir, 'baseline.log'),
      env: { PORT: String(settings.port + 1), BASELINE_DATA: dataFile },
    });
    servers.push(baseline);
    const baselineIdleRssMiB = baseline.rssMiB();
    log(`  ${fixture.signedIn.length} admins signed in; baseline (pid ${baseline.pid}) answers on ${baseline.url}`);
    log(`  ${tableHeader()}`);

    const results: CaseResult[] = [];
    for (const benchCase of cases) {
      const rounds: Record<TargetName, Measurement[]> = { baseline: [], liaison: [] };
      for (let round = 0; round < settings.rounds; round++) {
        for (const [targetName, target] of [['baseline', baseline], ['liaison', liaison]] as const) {
          const from = monotonicMicroseconds();
          const seconds = settings.seconds / settings.rounds;
          rounds[targetName].push(await benchCase.measure({ settings, fixture, target, targetName, workDir, round: { seconds, warmup: round === 0 } }));
          if (targetName === 'liaison') profileWindows.push({ name: benchCase.name, from, to: monotonicMicroseconds() });
        }
      }
      const measured = { baseline: rounded(combineRounds(rounds.baseline)), liaison: rounded(combineRounds(rounds.liaison)) };
      const result: CaseResult = {
        case: benchCase.name,
        title: benchCase.title,
        unit: benchCase.unit,
        liaison: measured.liaison,
        baseline: measured.baseline,
        ratio: Number((measured.liaison.rate / measured.baseline.rate).toFixed(3)),
      };
      results.push(result);
      log(`  ${tableRow(result)}`);
      if (result.liaison.non2xx > 0) log(`  Liaison's log ends with:\n${tail(liaison.logFile, 5)}`);
    }
    // The fan-out case needs its own data and no web server: stop ours so it does not compete.
    for (const server of servers.splice(0)) await server.stop();
    const fanOut = settings.fanOutAccounts > 0 && !settings.profile ? await runFanOut(dialect, settings, workDir, log) : undefined;
    if (fanOut) for (const line of fanOutLines(fanOut)) log(`  ${line}`);
    // The operator phase: a fresh database of its own (100,000 accounts by default).
    const operator = settings.operatorAccounts > 0 && !settings.profile ? await runOperator(dialect, settings, workDir, log) : undefined;
    if (operator) for (const line of operatorLines(operator)) log(`  ${line}`);
    return {
      database: dialect,
      description: database.description,
      seedSeconds: Number(seedSeconds.toFixed(2)),
      liaisonStartSeconds: Number(liaisonStartSeconds.toFixed(2)),
      liaisonIdleRssMiB: Number(liaisonIdleRssMiB.toFixed(1)),
      baselineIdleRssMiB: Number(baselineIdleRssMiB.toFixed(1)),
      cases: results,
      ...(fanOut ? { fanOut } : {}),
      ...(operator ? { operator } : {}),
    };
  } finally {
    cleanups.splice(cleanups.indexOf(cleanup), 1);
    await cleanup();
    // Profiles are written when the process exits, so only now: one per thread (tsx's loader
    // hooks run in a worker of their own); the main thread's is the largest.
    const dir = profileDir(dialect);
    if (settings.profile && existsSync(dir)) {
      const main = readdirSync(dir)
        .map((name) => join(dir, name))
        .sort((a, b) => statSync(b).size - statSync(a).size)[0];
      if (main) {
        log(`\nLiaison on ${dialect}, profile: ${main}`);
        for (const name of new Set(profileWindows.map((w) => w.name))) {
          log(`\n${name}: ${summarizeProfile(main, 15, profileWindows.filter((w) => w.name === name))}`);
        }
      }
    }
  }
}

function profileDir(dialect: string): string {
  return join(ROOT, 'bench', 'profiles', dialect);
}

async function main() {
  const settings = loadSettings();
  const cases = settings.cases.length > 0 ? settings.cases.map((name) => CASES.find((c) => c.name === name) ?? fail(`BENCH_CASES: unknown case ${name} (${CASES.map((c) => c.name).join(', ')})`)) : CASES;
  const started = performance.now();
  const report: Report = {
    at: new Date().toISOString(),
    node: process.version,
    machine: { cpus: availableParallelism(), model: cpus()[0]?.model ?? 'unknown', loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))) },
    settings: {
      generator: `wrk (${WRK}), ${settings.threads} thread, ${settings.connections} connections`,
      seconds: settings.seconds,
      rounds: settings.rounds,
      warmupSeconds: settings.warmupSeconds,
      threads: settings.threads,
      connections: settings.connections,
      accounts: settings.accounts,
      signedIn: settings.signedIn,
      operatorAccounts: settings.operatorAccounts,
      operatorConnections: settings.operatorConnections,
    },
    durationSeconds: 0,
    databases: [],
  };
  for (const dialect of settings.databases) report.databases.push(await runDatabase(dialect, settings, cases));
  report.durationSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  // A profiled run is slowed by the profiler: keep its figures out of results.json.
  if (!settings.profile) writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${formatReport(report)}\n${settings.profile ? 'Profiled run: bench/results.json left as it was.' : 'Written to bench/results.json.'}\n`);
}

function fail(message: string): never {
  throw new Error(message);
}

let aborting = false;

async function abort(reason: string) {
  // Ctrl-C reaches this process twice: from the terminal and relayed by tsx.
  if (aborting) return;
  aborting = true;
  log(`\nbench stopped: ${reason}; cleaning up`);
  killAll();
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => {});
  await dropAll();
  process.exit(1);
}

process.on('SIGINT', () => void abort('SIGINT'));
process.on('SIGTERM', () => void abort('SIGTERM'));

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  void abort('error');
});
