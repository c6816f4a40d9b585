import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY } from '../../src/domain/delivery-policy';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../src/mail/catcher';
import { createMailer, type Mailer } from '../../src/mail/mailer';
import { openStorage, writeTransaction, type Storage } from '../../src/storage/db';
import { claimDue, enqueueEmails, markFailed, markSentMany, type NewEmail } from '../../src/storage/deliveries';
import { startDeliveryWorker } from '../../src/worker/delivery-worker';
import { createTestStorage, DIALECTS, type TestStorage } from '../support/storage';

const log = { info() {}, warn() {}, error() {} };
const FROM = 'Liaison <no-reply@localhost>';

describe.each(DIALECTS)('deliveries on %s', (dialect) => {
  let storage: TestStorage;
  let catcher: MailCatcher;
  let inbox: CaughtMail[];
  beforeEach(async () => {
    storage = await createTestStorage(dialect);
    inbox = [];
    catcher = await startMailCatcher((mail) => {
      inbox.push(mail);
    });
  });
  afterEach(async () => {
    await catcher.close();
    await storage.destroy();
  });

  const row = (id: string) => storage.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const enqueue = (...emails: NewEmail[]) => writeTransaction(storage, (tx) => enqueueEmails(tx, emails));
  const expireLeases = () =>
    storage.db
      .updateTable('deliveries')
      .set({ lease_until: new Date(Date.now() - 60_000).toISOString() })
      .where('lease_until', 'is not', null)
      .execute();

  async function runWorker(mailer: Mailer, target: Storage = storage) {
    const worker = startDeliveryWorker({ storage: target, mailer, log, pollMs: 600_000 });
    const attempted = await worker.drain();
    await worker.stop();
    return attempted;
  }

  async function unreachableMailer() {
    // Nothing listens on the port of a closed catcher.
    const down = await startMailCatcher(() => {});
    await down.close();
    return createMailer({ smtpUrl: down.url, from: FROM });
  }

  it('delivers queued mail over SMTP with a stable Message-ID and Auto-Submitted, and records it as sent', async () => {
    const [id] = await enqueue({ to: 'dev@partner.example', subject: 'Hello', text: 'Body', html: '<p>Body</p>' });
    const mailer = createMailer({ smtpUrl: catcher.url, from: FROM });
    expect(await runWorker(mailer)).toBe(1);
    mailer.close();
    expect(inbox.map((m) => [m.envelopeTo, m.subject])).toEqual([[['dev@partner.example'], 'Hello']]);
    expect(inbox[0]!.messageId).toBe(`<${id}@liaison>`);
    expect(inbox[0]!.headers['auto-submitted']).toBe('auto-generated');
    const sent = await row(id!);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null, lease_token: null });
    expect(sent.sent_at).not.toBeNull();
  });

  it('writes nothing when the transaction that queued it rolls back', async () => {
    await expect(
      writeTransaction(storage, async (tx) => {
        await enqueueEmails(tx, [{ to: 'dev@partner.example', subject: 'Never', text: 'Body' }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await storage.db.selectFrom('deliveries').selectAll().execute()).toEqual([]);
  });

  it('keeps mail through an SMTP outage and sends it once the server is back', async () => {
    const [id] = await enqueue({ to: 'ops@partner.example', subject: 'Outage', text: 'Body' });
    const broken = await unreachableMailer();
    await runWorker(broken);
    broken.close();
    const failed = await row(id!);
    expect(failed).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    // Backed off by at least half the first retry delay (jitter), timed by the database clock.
    expect(Date.parse(failed.next_attempt_at) - Date.now()).toBeGreaterThan(DEFAULT_DELIVERY_POLICY.firstRetryMs / 2 - 5_000);

    // Not due yet: nothing is claimed. Once due, the healthy server gets it.
    expect(await claimDue(storage.db, { limit: 10, leaseMs: 1000 })).toEqual([]);
    await storage.db.updateTable('deliveries').set({ next_attempt_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const mailer = createMailer({ smtpUrl: catcher.url, from: FROM });
    await runWorker(mailer);
    mailer.close();
    expect(await row(id!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(inbox).toHaveLength(1);
  });

  it('fails a delivery at once on a permanent SMTP refusal (5xx) while the others arrive', async () => {
    const picky = await startMailCatcher((mail) => void inbox.push(mail), { refuse: ['gone@partner.example'] });
    const [gone, fine] = await enqueue(
      { to: 'gone@partner.example', subject: 'To a deleted alias', text: 'Body' },
      { to: 'dev@partner.example', subject: 'To a live one', text: 'Body' },
    );
    const mailer = createMailer({ smtpUrl: picky.url, from: FROM });
    await runWorker(mailer);
    mailer.close();
    await picky.close();
    const refused = await row(gone!);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1 });
    expect(refused.last_error).toMatch(/550/);
    expect(await row(fine!)).toMatchObject({ status: 'sent' });
    expect(inbox.map((m) => m.envelopeTo)).toEqual([['dev@partner.example']]);
  });

  it('marks a delivery failed once it has been retried for a day', async () => {
    const [id] = await enqueue({ to: 'ops@partner.example', subject: 'Old', text: 'Body' });
    await storage.db
      .updateTable('deliveries')
      .set({ created_at: new Date(Date.now() - DEFAULT_DELIVERY_POLICY.giveUpAfterMs).toISOString() })
      .execute();
    const broken = await unreachableMailer();
    await runWorker(broken);
    broken.close();
    expect(await row(id!)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await claimDue(storage.db, { limit: 10, leaseMs: 1000 })).toEqual([]);
  });

  it('takes over the deliveries of a worker that died mid-send once its lease expires', async () => {
    const [id] = await enqueue({ to: 'ops@partner.example', subject: 'Crash', text: 'Body' });
    // A worker claims and then "crashes": nothing records the outcome.
    expect((await claimDue(storage.db, { limit: 10, leaseMs: 60_000 })).map((i) => i.id)).toEqual([id]);
    expect(await claimDue(storage.db, { limit: 10, leaseMs: 60_000 })).toEqual([]);
    await expireLeases();
    const mailer = createMailer({ smtpUrl: catcher.url, from: FROM });
    await runWorker(mailer);
    mailer.close();
    expect(await row(id!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(inbox).toHaveLength(1);
  });

  it('ignores the late outcome of a worker whose lease expired while it was sending', async () => {
    const [id] = await enqueue({ to: 'ops@partner.example', subject: 'Slow', text: 'Body' });
    const real = createMailer({ smtpUrl: catcher.url, from: FROM });
    // Worker A's send hangs (a stalled connection, a paused process) until the test lets it go.
    let release!: () => void;
    let started!: () => void;
    const sending = new Promise<void>((resolve) => (started = resolve));
    const stalled: Mailer = {
      async send(mail) {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        await real.send(mail);
      },
      close() {},
    };
    const workerA = startDeliveryWorker({ storage, mailer: stalled, log, pollMs: 600_000 });
    const passA = workerA.drain();
    await sending;
    // A's lease runs out (a paused process misses its renewals); B takes the delivery over and succeeds.
    await expireLeases();
    await runWorker(real);
    const byB = await row(id!);
    expect(byB).toMatchObject({ status: 'sent', attempts: 2 });

    // A wakes up and sends the same message (same Message-ID): its outcome changes nothing.
    release();
    await passA;
    await workerA.stop();
    real.close();
    expect(await row(id!)).toEqual(byB);
    expect(inbox.map((m) => m.messageId)).toEqual([`<${id}@liaison>`, `<${id}@liaison>`]);

    // The same holds for a late failure, and for a token that never held the delivery.
    expect(await markFailed(storage.db, { id: id!, leaseToken: 'expired-token' }, { status: 'failed' }, 'late')).toBe(false);
    expect(await markSentMany(storage.db, [id!], 'expired-token')).toEqual(new Set());
    expect(await row(id!)).toEqual(byB);
  });

  it('lets several workers share the queue without sending anything twice', async () => {
    const count = 60;
    await enqueue(...Array.from({ length: count }, (_, i) => ({ to: `r${i}@partner.example`, subject: `N${i}`, text: 'Body' })));
    // Separate connections on PostgreSQL, as separate processes would have.
    const others = [0, 1].map(() => openStorage(storage.databaseUrl, storage.schema ? { schema: storage.schema, poolSize: 3 } : {}));
    const mailers = [0, 1, 2].map(() => createMailer({ smtpUrl: catcher.url, from: FROM }));
    const workers = [storage, ...others].map((s, i) =>
      startDeliveryWorker({ storage: s, mailer: mailers[i]!, log, pollMs: 600_000, batchSize: 7 }),
    );
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.stop()));
    mailers.forEach((m) => m.close());
    await Promise.all(others.map((o) => o.close()));
    const subjects = inbox.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    const sent = await storage.db.selectFrom('deliveries').select('attempts').where('status', '=', 'sent').execute();
    expect(sent).toHaveLength(count);
    expect(sent.every((r) => Number(r.attempts) === 1)).toBe(true);
  });

  it.runIf(dialect === 'postgres')('wakes a worker at once when another process queues a delivery (LISTEN/NOTIFY)', async () => {
    const mailer = createMailer({ smtpUrl: catcher.url, from: FROM });
    // Its poll is ten minutes away: only a wake-up can make it deliver within this test.
    const worker = startDeliveryWorker({ storage, mailer, log, pollMs: 600_000 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // LISTEN is in place
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/enqueue-email.ts', storage.databaseUrl, storage.schema!, 'far@partner.example'],
      { stdio: 'inherit' },
    );
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
    for (let i = 0; i < 200 && inbox.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.stop();
    mailer.close();
    expect(inbox.map((m) => [m.envelopeTo, m.subject])).toEqual([[['far@partner.example'], 'From another process']]);
  });
});
