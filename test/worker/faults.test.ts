import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../src/mail/catcher';
import { createMailer } from '../../src/mail/mailer';
import { writeTransaction } from '../../src/storage/db';
import { enqueueEmails } from '../../src/storage/deliveries';
import { startDeliveryWorker } from '../../src/worker/delivery-worker';
import { completeDocument, createAccountWithAdmin } from '../support/accounts';
import { createTestApp, createUser, signInAs, type TestApp } from '../support/app';
import { createTestStorage, DIALECTS, type TestStorage } from '../support/storage';

const log = { info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on now, to start an SMTP server on later. */
async function freePort(): Promise<number> {
  const probe = await startMailCatcher(() => {});
  await probe.close();
  return probe.port;
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, state?: () => Promise<unknown>): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(`timed out waiting${state ? `; state: ${JSON.stringify(await state())}` : ''}`);
    await sleep(100);
  }
}

/** `npm run worker` as its own process, on the test's database. */
function startWorkerProcess(storage: TestStorage, smtpUrl: string): ChildProcess {
  const databaseUrl = storage.schema ? `${storage.databaseUrl}?schema=${storage.schema}` : storage.databaseUrl;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, LOG_LEVEL: 'silent', LIAISON_LEASE_SECONDS: '2' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));

describe.each(DIALECTS)('notifications through an SMTP outage on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('accepts notifications while the SMTP server is down and delivers each once when it is back', async () => {
    await createUser(t, { email: `ops-${dialect}@liaison.test`, isOperator: true });
    const operator = await signInAs(t, `ops-${dialect}@liaison.test`);
    const account = await createAccountWithAdmin(t, operator);
    await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId));
    await t.deliverMail(); // the invitation went out before the outage
    await t.worker.stop(); // only the worker below, whose SMTP server is down, may deliver

    const port = await freePort();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Liaison <no-reply@localhost>' });
    const worker = startDeliveryWorker({ storage: t.storage, mailer, log, pollMs: 100, policy: { firstRetryMs: 100, maxRetryMs: 300 } });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, { category: 'technical', title: `During the outage ${i}` });
      expect(response.statusCode).toBe(202);
      ids.push(response.json().id);
    }
    await waitFor(async () => {
      const rows = await t.storage.db.selectFrom('deliveries').select('status').where('notification_id', 'in', ids).execute();
      return rows.length === 5 && rows.every((row) => row.status === 'retrying');
    }, 10_000);

    // The server comes back on the same address.
    const inbox: CaughtMail[] = [];
    const back = await startMailCatcher((mail) => void inbox.push(mail), { port });
    await waitFor(async () => {
      const rows = await t.storage.db.selectFrom('deliveries').select('status').where('notification_id', 'in', ids).execute();
      return rows.every((row) => row.status === 'sent');
    }, 20_000);
    await worker.stop();
    mailer.close();
    await back.close();
    expect(inbox.map((m) => m.subject).sort()).toEqual(ids.map((_, i) => expect.stringContaining(`During the outage ${i}`)).sort());
    expect(new Set(inbox.map((m) => m.messageId)).size).toBe(5);
  }, 60_000);
});

describe.each(DIALECTS)('a worker process killed mid-batch on %s', (dialect) => {
  let storage: TestStorage;
  let catcher: MailCatcher;
  let inbox: CaughtMail[];
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    inbox = [];
    // A busy server: each message takes a while, so a batch is in flight when the worker dies.
    catcher = await startMailCatcher((mail) => void inbox.push(mail), { delayMs: 40 });
  });
  afterEach(async () => {
    await catcher.close();
    await storage.destroy();
  });

  it('delivers everything after a restart; only the messages in flight at the kill arrive twice, with the same Message-ID', async () => {
    const count = 200;
    const ids = await writeTransaction(storage, (tx) =>
      enqueueEmails(tx, Array.from({ length: count }, (_, i) => ({ to: `r${i}@partner.example`, subject: `Message ${i}`, text: 'Body' }))),
    );
    const first = startWorkerProcess(storage, catcher.url);
    await waitFor(() => inbox.length >= 40, 60_000);
    first.kill('SIGKILL');
    await exited(first);
    const inFlight = new Set(
      (await storage.db.selectFrom('deliveries').select('id').where('status', '!=', 'sent').where('lease_token', 'is not', null).execute()).map((r) => `<${r.id}@liaison>`),
    );
    expect(inFlight.size).toBeGreaterThan(0);

    const second = startWorkerProcess(storage, catcher.url);
    try {
      // Generous: a restart on a busy machine (transpiling, migrations) can take a while.
      await waitFor(
        async () => {
          const pending = await storage.db.selectFrom('deliveries').select('id').where('status', '!=', 'sent').execute();
          return pending.length === 0;
        },
        150_000,
        () => storage.db.selectFrom('deliveries').select(['status', 'attempts', 'lease_until', 'next_attempt_at', 'last_error']).where('status', '!=', 'sent').limit(5).execute(),
      );
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }
    const received = inbox.map((m) => m.messageId);
    expect(new Set(received)).toEqual(new Set(ids.map((id) => `<${id}@liaison>`)));
    const twice = received.filter((id, index) => received.indexOf(id) !== index);
    for (const id of twice) expect(inFlight.has(id), `${id} arrived twice but was not in flight at the kill`).toBe(true);
  }, 300_000);

  it.runIf(dialect === 'postgres')('lets four worker processes drain 2,000 deliveries, each received exactly once', async () => {
    const count = 2000;
    await writeTransaction(storage, (tx) =>
      enqueueEmails(tx, Array.from({ length: count }, (_, i) => ({ to: `p${i}@partner.example`, subject: `Fan-out ${i}`, text: 'Body' }))),
    );
    const fast = await startMailCatcher((mail) => void inbox.push(mail));
    const workers = [0, 1, 2, 3].map(() => startWorkerProcess(storage, fast.url));
    try {
      await waitFor(async () => {
        const pending = await storage.db.selectFrom('deliveries').select('id').where('status', '!=', 'sent').limit(1).execute();
        return pending.length === 0;
      }, 150_000);
    } finally {
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(workers.map(exited));
      await fast.close();
    }
    const subjects = inbox.map((m) => m.subject);
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    const attempts = await storage.db.selectFrom('deliveries').select('attempts').where('attempts', '!=', 1).execute();
    expect(attempts).toEqual([]);
  }, 180_000);
});
