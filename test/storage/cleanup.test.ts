import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILURES_KEPT_MS, removeExpiredRows } from '../../src/storage/cleanup';
import { insertUser } from '../../src/storage/users';
import { startCleanupLoop } from '../../src/worker/cleanup-loop';
import { createTestStorage, DIALECTS, type TestStorage } from '../support/storage';

const HOUR = 60 * 60 * 1000;
const NOW = new Date('2026-11-25T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

describe.each(DIALECTS)('removing expired rows on %s', (dialect) => {
  let storage: TestStorage;
  let userId: string;
  beforeAll(async () => {
    storage = await createTestStorage(dialect);
    userId = (await insertUser(storage.db, { email: 'clean@example.com', name: 'C', passwordHash: null })).id;
    const { db } = storage;
    // For each table, one row that expired a moment ago and one still alive.
    await db
      .insertInto('sessions')
      .values([
        { id: 's_old', user_id: userId, csrf_token: 'c', created_at: at(-48 * HOUR), last_seen_at: at(-2 * HOUR), expires_at: at(-1) },
        { id: 's_live', user_id: userId, csrf_token: 'c', created_at: at(-HOUR), last_seen_at: at(-1), expires_at: at(HOUR) },
      ])
      .execute();
    await db
      .insertInto('pending_sign_ins')
      .values([
        { id: 'p_old', user_id: userId, created_at: at(-10 * 60_000), expires_at: at(-5 * 60_000) },
        { id: 'p_live', user_id: userId, created_at: at(-60_000), expires_at: at(4 * 60_000) },
      ])
      .execute();
    await db
      .insertInto('password_resets')
      .values([
        { id: 'r_old', token_hash: 'h1', user_id: userId, created_at: at(-2 * HOUR), expires_at: at(-HOUR), used_at: null },
        { id: 'r_live', token_hash: 'h2', user_id: userId, created_at: at(-60_000), expires_at: at(HOUR - 60_000), used_at: null },
      ])
      .execute();
    await db
      .insertInto('sign_in_failures')
      .values([
        { id: 'f_old', key: 'email:clean@example.com', failed_at: at(-FAILURES_KEPT_MS - 1) },
        // Still inside a day: another limit's window might count it.
        { id: 'f_live', key: 'email:clean@example.com', failed_at: at(-2 * HOUR) },
      ])
      .execute();
    await db.insertInto('accounts').values({ id: 'a_clean', name: 'Clean', contact_info_complete: 0, created_at: at(-HOUR), updated_at: at(-HOUR) }).execute();
    await db
      .insertInto('dedup_keys')
      .values([
        { account_id: 'a_clean', key: 'disk-full', notification_id: 'n1', window_ends_at: at(-1) },
        { account_id: 'a_clean', key: 'cert', notification_id: 'n2', window_ends_at: at(HOUR) },
      ])
      .execute();
  });
  afterAll(() => storage.destroy());

  it('deletes what expired and keeps what is alive, then finds nothing more to do', async () => {
    const removed = await removeExpiredRows(storage.db, NOW);
    expect(removed).toEqual({ sessions: 1, pendingSignIns: 1, passwordResets: 1, signInFailures: 1, dedupKeys: 1 });
    const ids = async (table: 'sessions' | 'pending_sign_ins' | 'password_resets' | 'sign_in_failures') =>
      (await storage.db.selectFrom(table).select('id').execute()).map((r) => r.id).sort();
    expect(await ids('sessions')).toEqual(['s_live']);
    expect(await ids('pending_sign_ins')).toEqual(['p_live']);
    expect(await ids('password_resets')).toEqual(['r_live']);
    expect(await ids('sign_in_failures')).toEqual(['f_live']);
    expect((await storage.db.selectFrom('dedup_keys').select('key').execute()).map((r) => r.key)).toEqual(['cert']);
    expect(await removeExpiredRows(storage.db, NOW)).toEqual({ sessions: 0, pendingSignIns: 0, passwordResets: 0, signInFailures: 0, dedupKeys: 0 });
  });

  it('runs in the worker loop by the injected clock, logging what it removed', async () => {
    const logged: unknown[] = [];
    const log = { info: (o: unknown) => logged.push(o), error: (o: unknown) => logged.push(o), warn: () => {}, debug: () => {}, child: () => log };
    // A day later everything left has expired too.
    const loop = startCleanupLoop(storage, { log: log as never, now: () => new Date(NOW.getTime() + 24 * HOUR) });
    expect(await loop.drain()).toBe(5);
    await loop.stop();
    expect(logged).toEqual([{ removed: { sessions: 1, pendingSignIns: 1, passwordResets: 1, signInFailures: 1, dedupKeys: 1 } }]);
  });
});
