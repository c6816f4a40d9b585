import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOperator } from '../../src/commands/ensure-operator';
import { SYSTEM } from '../../src/domain/principal';
import { verifyPassword } from '../../src/commands/parts/passwords';
import { isReachable } from '../../src/storage/db';
import { listMailbox, storeCaughtMail } from '../../src/storage/mailbox';
import { migrateToLatest } from '../../src/storage/migrations';
import { findCredentials, insertUser } from '../../src/storage/users';
import { createTestStorage, DIALECTS, type TestStorage } from '../support/storage';

describe.each(DIALECTS)('storage on %s', (dialect) => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await createTestStorage(dialect);
  });
  afterAll(() => storage.destroy());

  it('is reachable and migrations are idempotent', async () => {
    expect(await isReachable(storage.db)).toBe(true);
    const again = await migrateToLatest(storage);
    expect(again.results).toEqual([]);
  });

  it('stores timestamps as ISO 8601 UTC strings on both dialects', async () => {
    await insertUser(storage.db, { email: 'Time@Example.com', name: 'T', passwordHash: null });
    const row = await storage.db.selectFrom('users').select(['email', 'created_at']).where('email', '=', 'time@example.com').executeTakeFirstOrThrow();
    expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps emails unique regardless of case', async () => {
    await insertUser(storage.db, { email: 'unique@example.com', name: 'U', passwordHash: null });
    await expect(insertUser(storage.db, { email: 'UNIQUE@example.com', name: 'U2', passwordHash: null })).rejects.toThrow();
  });

  it('creates the first operator once, from configuration or with a generated password', async () => {
    const created = await ensureOperator({ storage }, SYSTEM, {});
    expect(created).toMatchObject({ email: 'admin@localhost', generated: true });
    expect(created!.password.length).toBeGreaterThanOrEqual(20);
    const stored = await findCredentials(storage.db, 'admin@localhost');
    expect(stored?.user.isOperator).toBe(true);
    expect(await verifyPassword(stored?.passwordHash, created!.password)).toBe(true);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    // A second start finds the operator and creates nothing.
    expect(await ensureOperator({ storage }, SYSTEM, { email: 'other@example.com', password: 'another-password' })).toBeUndefined();
  });

  it('pages the mailbox newest first with an opaque cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await storeCaughtMail(storage.db, {
        envelopeFrom: 'no-reply@localhost',
        envelopeTo: [`r${i}@example.com`],
        fromHeader: 'Liaison <no-reply@localhost>',
        subject: `Message ${i}`,
        text: `Body ${i}`,
        html: null,
        receivedAt: new Date(Date.UTC(2026, 10, 22, 10, 0, i)).toISOString(),
      });
    }
    const first = await listMailbox(storage.db, { limit: 2 });
    expect(first.items.map((m) => m.subject)).toEqual(['Message 4', 'Message 3']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listMailbox(storage.db, { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((m) => m.subject)).toEqual(['Message 2', 'Message 1']);
    const last = await listMailbox(storage.db, { limit: 2, cursor: second.nextCursor! });
    expect(last.items.map((m) => m.subject)).toEqual(['Message 0']);
    expect(last.nextCursor).toBeNull();
    expect(last.items[0]!.to).toEqual(['r0@example.com']);
  });
});

describe('migrations on PostgreSQL from several processes at once', () => {
  it('run once even when started concurrently', async () => {
    const storage = await createTestStorage('postgres', { migrate: false });
    try {
      const results = await Promise.all([1, 2, 3].map(() => migrateToLatest(storage)));
      const applied = results.flatMap((r) => r.results ?? []).filter((r) => r.status === 'Success');
      expect(applied.map((r) => r.migrationName)).toEqual(['001_foundation', '002_accounts', '003_contact_info', '004_deliveries', '005_notifications', '006_own_accounts', '007_account_language', '008_operator', '009_escalations', '010_contact_health', '011_webhooks', '012_maintenance', '013_unsubscribes', '014_support_calendar']);
    } finally {
      await storage.destroy();
    }
  });
});
