import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../src/mail/catcher';
import { createMailer } from '../../src/mail/mailer';
import { claimDue, enqueueMail, OUTBOX_POLICY } from '../../src/storage/outbox';
import { startOutboxWorker } from '../../src/worker/outbox-worker';
import { createTestStorage, DIALECTS, type TestStorage } from '../support/storage';

const log = { info() {}, warn() {}, error() {} };

describe.each(DIALECTS)('the outbox on %s', (dialect) => {
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

  const row = (id: string) => storage.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('delivers queued mail over SMTP and records it as sent', async () => {
    const id = await enqueueMail(storage.db, { to: 'dev@partner.example', subject: 'Hello', text: 'Body', html: '<p>Body</p>' });
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'Liaison <no-reply@localhost>' });
    const worker = startOutboxWorker({ storage, mailer, log, pollMs: 60_000 });
    expect(await worker.drain()).toBe(1);
    await worker.stop();
    mailer.close();
    expect(inbox.map((m) => [m.envelopeTo, m.subject])).toEqual([[['dev@partner.example'], 'Hello']]);
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('keeps mail through an SMTP outage and sends it once the server is back', async () => {
    const id = await enqueueMail(storage.db, { to: 'ops@partner.example', subject: 'Outage', text: 'Body' });
    // Nothing listens on the port of a closed catcher.
    const down = await startMailCatcher(() => {});
    await down.close();
    const broken = createMailer({ smtpUrl: down.url, from: 'Liaison <no-reply@localhost>' });
    const first = startOutboxWorker({ storage, mailer: broken, log, pollMs: 60_000 });
    await first.drain();
    await first.stop();
    broken.close();
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
    expect(Date.parse(failed.next_attempt_at) - Date.now()).toBeGreaterThan(OUTBOX_POLICY.firstRetryMs - 5_000);

    // Not due yet: nothing is claimed. Once due, the healthy server gets it.
    expect(await claimDue(storage.db, storage.dialect, 10)).toEqual([]);
    await storage.db.updateTable('outbox').set({ next_attempt_at: new Date(Date.now() - 1).toISOString() }).execute();
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'Liaison <no-reply@localhost>' });
    const second = startOutboxWorker({ storage, mailer, log, pollMs: 60_000 });
    await second.drain();
    await second.stop();
    mailer.close();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(inbox).toHaveLength(1);
  });

  it('marks a delivery failed once it has been retried for a day', async () => {
    const id = await enqueueMail(storage.db, { to: 'ops@partner.example', subject: 'Old', text: 'Body' });
    await storage.db.updateTable('outbox').set({ created_at: new Date(Date.now() - OUTBOX_POLICY.giveUpAfterMs).toISOString() }).execute();
    const down = await startMailCatcher(() => {});
    await down.close();
    const broken = createMailer({ smtpUrl: down.url, from: 'Liaison <no-reply@localhost>' });
    const worker = startOutboxWorker({ storage, mailer: broken, log, pollMs: 60_000 });
    await worker.drain();
    await worker.stop();
    broken.close();
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await claimDue(storage.db, storage.dialect, 10)).toEqual([]);
  });

  it('takes over the deliveries of a worker that died mid-send once its lease expires', async () => {
    const id = await enqueueMail(storage.db, { to: 'ops@partner.example', subject: 'Crash', text: 'Body' });
    // A worker claims and then "crashes": nothing records the outcome.
    expect((await claimDue(storage.db, storage.dialect, 10)).map((i) => i.id)).toEqual([id]);
    expect(await claimDue(storage.db, storage.dialect, 10)).toEqual([]);
    await storage.db.updateTable('outbox').set({ locked_until: new Date(Date.now() - 1).toISOString() }).execute();
    const mailer = createMailer({ smtpUrl: catcher.url, from: 'Liaison <no-reply@localhost>' });
    const worker = startOutboxWorker({ storage, mailer, log, pollMs: 60_000 });
    await worker.drain();
    await worker.stop();
    mailer.close();
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(inbox).toHaveLength(1);
  });

  it('lets several workers share the queue without sending anything twice', async () => {
    const count = 60;
    for (let i = 0; i < count; i++) await enqueueMail(storage.db, { to: `r${i}@partner.example`, subject: `N${i}`, text: 'Body' });
    // Separate connections on PostgreSQL, as separate processes would have.
    const others = await Promise.all([0, 1].map(() => createTestStorageSibling(storage)));
    const mailers = [0, 1, 2].map(() => createMailer({ smtpUrl: catcher.url, from: 'Liaison <no-reply@localhost>' }));
    const workers = [storage, ...others].map((s, i) => startOutboxWorker({ storage: s, mailer: mailers[i]!, log, pollMs: 60_000 }));
    await Promise.all(workers.map((w) => w.drain()));
    await Promise.all(workers.map((w) => w.stop()));
    mailers.forEach((m) => m.close());
    await Promise.all(others.map((o) => o.close()));
    const subjects = inbox.map((m) => m.subject).sort();
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    const sent = await storage.db.selectFrom('outbox').select('attempts').where('status', '=', 'sent').execute();
    expect(sent).toHaveLength(count);
    expect(sent.every((r) => Number(r.attempts) === 1)).toBe(true);
  });
});

/** Another handle on the same database (a second pool on PostgreSQL, a second connection to the SQLite file). */
async function createTestStorageSibling(storage: TestStorage) {
  const { openStorage } = await import('../../src/storage/db');
  return openStorage(storage.databaseUrl, storage.schema ? { schema: storage.schema, poolSize: 3 } : {});
}
