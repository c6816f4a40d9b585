import type { Insertable } from 'kysely';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../../src/app/catalog';
import { raiseNotification } from '../../src/commands/raise-notification';
import { emptyContactInfo } from '../../src/domain/contact-info';
import { SYSTEM } from '../../src/domain/principal';
import type { Account } from '../../src/storage/accounts';
import { writeTransaction } from '../../src/storage/db';
import { newId, nowIso } from '../../src/storage/ids';
import { migrateToLatest } from '../../src/storage/migrations';
import type { Database } from '../../src/storage/schema';
import { postgresDatabase, sqliteDatabase } from '../lib/databases';
import { ROOT, track } from '../lib/processes';
import type { Settings } from '../lib/settings';

export type FanOutResult = {
  accounts: number;
  deliveries: number;
  /** Accepting the notifications (in the bench's process, through the use case the API calls). */
  accept: { seconds: number; notificationsPerSecond: number; deliveriesQueuedPerSecond: number };
  /** `npm run worker` draining the outbox into the sink: durable claims, pooled SMTP, outcomes recorded. */
  liaison: { seconds: number; messagesPerSecond: number; peakRssMiB: number; received: number };
  /** nodemailer's own pooled transport sending the same messages to the same sink, nothing recorded. */
  nodemailer: { seconds: number; messagesPerSecond: number; peakRssMiB: number; received: number };
  ratio: number;
};

const CONTACTS_PER_ACCOUNT = 10;
const SMTP_CONNECTIONS = '4';

export function child(entry: string, env: Record<string, string>, stdin = false): ChildProcess {
  return track(spawn(process.execPath, ['--import', 'tsx', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'inherit'],
  }));
}

/** Resolves with the first stdout line that `match`es. */
export function lineMatching(process: ChildProcess, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      const found = lines.find(match);
      if (found !== undefined) {
        process.stdout!.off('data', onData);
        resolve(found);
      }
    };
    process.stdout!.on('data', onData);
    process.once('exit', (code) => reject(new Error(`process exited with ${code} before printing the line awaited`)));
  });
}

export async function startSink(port: number) {
  const sink = child('bench/fanout/smtp-sink.ts', { SINK_PORT: String(port) }, true);
  await lineMatching(sink, (line) => line === 'ready');
  return {
    url: `smtp://127.0.0.1:${port}`,
    async received(): Promise<number> {
      const answer = lineMatching(sink, (line) => /^\d+$/.test(line));
      sink.stdin!.write('\n');
      return Number(await answer);
    },
    async stop() {
      sink.kill('SIGTERM');
      await new Promise((resolve) => sink.once('exit', resolve));
    },
  };
}

const peakRssMiB = (pid: number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * The fan-out case: `accounts` accounts with ten technical contacts each get one `technical`
 * notification, so 10 × accounts deliveries wait in the outbox; a worker process drains them
 * into a local SMTP sink. The baseline is nodemailer's pooled transport sending the same
 * messages to the same sink from a process of its own, in the same run.
 */
export async function runFanOut(dialect: 'sqlite' | 'postgres', settings: Settings, workDir: string, log: (line: string) => void): Promise<FanOutResult> {
  const accountsCount = settings.fanOutAccounts;
  const database = dialect === 'sqlite' ? sqliteDatabase() : await postgresDatabase(settings.postgresUrl);
  const storage = database.storage;
  try {
    await migrateToLatest(storage);
    const now = nowIso();
    const accounts: Account[] = [];
    const rows: { accounts: Insertable<Database['accounts']>[]; integrations: Insertable<Database['account_integrations']>[]; documents: Insertable<Database['contact_info']>[] } = {
      accounts: [],
      integrations: [],
      documents: [],
    };
    for (let i = 0; i < accountsCount; i += 1) {
      const account: Account = { id: newId('a'), name: `Fan-out partner ${i}`, integrations: [{ type: 'ordering_redirect', status: 'enabled' }], contactInfoComplete: false, language: 'en' };
      accounts.push(account);
      rows.accounts.push({ id: account.id, name: account.name, contact_info_complete: 0, created_at: now, updated_at: now });
      rows.integrations.push({ account_id: account.id, type: 'ordering_redirect', status: 'enabled', status_reason: null, status_changed_at: now });
      const info = {
        ...emptyContactInfo(false),
        technicalNonEmergencyContacts: Array.from({ length: CONTACTS_PER_ACCOUNT }, (_, c) => ({ email: `dev${c}@partner${i}.example` })),
      };
      rows.documents.push({ account_id: account.id, version: 1, document: JSON.stringify(info), updated_at: now, updated_by: null });
    }
    await writeTransaction(storage, async (tx) => {
      for (let start = 0; start < accountsCount; start += 500) {
        await tx.insertInto('accounts').values(rows.accounts.slice(start, start + 500)).execute();
        await tx.insertInto('account_integrations').values(rows.integrations.slice(start, start + 500)).execute();
        await tx.insertInto('contact_info').values(rows.documents.slice(start, start + 500)).execute();
      }
    });

    // Accept: what POST …/notifications does for each account, one transaction each.
    const deps = { storage, catalog: loadCatalog(DEFAULT_CATALOG_PATH), config: { publicUrl: 'http://localhost:3000', platformName: undefined } };
    let started = performance.now();
    // Eight at a time, as concurrent API calls would arrive.
    let next = 0;
    const raiseRest = async () => {
      for (let i = next++; i < accounts.length; i = next++) {
        await raiseNotification(deps, SYSTEM, {
          scope: { account: accounts[i]!, role: null },
          category: 'technical',
          env: 'production',
          title: 'API migration: version 3 is retired on 1 March',
          body: 'Move every call to version 4 before 1 March. The migration guide lists what changed.\nReply to this address with questions.',
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, raiseRest));
    const acceptSeconds = (performance.now() - started) / 1000;
    const deliveries = accountsCount * CONTACTS_PER_ACCOUNT;
    log(`  fan-out: ${accountsCount} notifications accepted, ${deliveries} deliveries queued in ${acceptSeconds.toFixed(1)} s`);

    // The same messages for the baseline, as the outbox holds them.
    const messagesFile = join(workDir, 'fanout-messages.jsonl');
    const queued = await storage.db.selectFrom('deliveries').select(['id', 'recipient', 'subject', 'text', 'html']).execute();
    writeFileSync(messagesFile, queued.map((m) => JSON.stringify({ to: m.recipient, subject: m.subject, text: m.text, html: m.html, messageId: `<${m.id}@baseline>` })).join('\n'));

    // Liaison: a worker process drains the outbox.
    let sink = await startSink(settings.port + 2);
    const worker = child('src/cli/worker.ts', {
      DATABASE_URL: database.serverUrl,
      SMTP_URL: sink.url,
      SMTP_MAX_CONNECTIONS: SMTP_CONNECTIONS,
      LOG_LEVEL: 'info',
    });
    await lineMatching(worker, (line) => line.includes('delivery worker started'));
    started = performance.now();
    for (;;) {
      // Light on the database the worker is using: an index lookup twice a second.
      const pending = await storage.db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['queued', 'retrying'])
        .executeTakeFirstOrThrow();
      if (Number(pending.n) === 0) break;
      if (performance.now() - started > 600_000) throw new Error(`the worker did not drain the outbox within 10 minutes (${pending.n} left)`);
      await sleep(500);
    }
    const liaisonSeconds = (performance.now() - started) / 1000;
    const liaisonRss = peakRssMiB(worker.pid!);
    const liaisonReceived = await sink.received();
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
    await sink.stop();

    // The baseline: nodemailer alone, same messages, same kind of sink.
    sink = await startSink(settings.port + 2);
    const baseline = child('bench/fanout/nodemailer-baseline.ts', { MESSAGES_FILE: messagesFile, SMTP_URL: sink.url, SMTP_MAX_CONNECTIONS: SMTP_CONNECTIONS });
    const report = JSON.parse(await lineMatching(baseline, (line) => line.startsWith('{'))) as { seconds: number; sent: number; peakRssMiB: number };
    const baselineReceived = await sink.received();
    await sink.stop();

    const liaisonRate = deliveries / liaisonSeconds;
    const baselineRate = report.sent / report.seconds;
    return {
      accounts: accountsCount,
      deliveries,
      accept: {
        seconds: Number(acceptSeconds.toFixed(2)),
        notificationsPerSecond: Math.round(accountsCount / acceptSeconds),
        deliveriesQueuedPerSecond: Math.round(deliveries / acceptSeconds),
      },
      liaison: { seconds: Number(liaisonSeconds.toFixed(2)), messagesPerSecond: Math.round(liaisonRate), peakRssMiB: Number(liaisonRss.toFixed(1)), received: liaisonReceived },
      nodemailer: {
        seconds: Number(report.seconds.toFixed(2)),
        messagesPerSecond: Math.round(baselineRate),
        peakRssMiB: Number(report.peakRssMiB.toFixed(1)),
        received: baselineReceived,
      },
      ratio: Number((liaisonRate / baselineRate).toFixed(3)),
    };
  } finally {
    await database.drop();
  }
}

export function fanOutLines(result: FanOutResult): string[] {
  return [
    `fan-out: ${result.accounts} accounts × ${result.deliveries / result.accounts} technical contacts = ${result.deliveries} deliveries`,
    `  accept (POST …/notifications use case): ${result.accept.notificationsPerSecond} notifications/s, ${result.accept.deliveriesQueuedPerSecond} deliveries queued/s`,
    `  Liaison worker → SMTP sink: ${result.liaison.messagesPerSecond} messages/s (${result.liaison.seconds} s), peak RSS ${result.liaison.peakRssMiB} MiB, sink received ${result.liaison.received}`,
    `  nodemailer pool → SMTP sink: ${result.nodemailer.messagesPerSecond} messages/s (${result.nodemailer.seconds} s), peak RSS ${result.nodemailer.peakRssMiB} MiB, sink received ${result.nodemailer.received}`,
    `  ratio ${result.ratio}`,
  ];
}
