import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStorage, type Dialect, type Storage } from '../../src/storage/db';
import { migrateToLatest } from '../../src/storage/migrations';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** Every storage test runs on both databases. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export type TestStorage = Storage & { databaseUrl: string; schema?: string; destroy(): Promise<void> };

/**
 * A fresh, migrated database: a SQLite file in a temp folder, or a PostgreSQL schema of its
 * own (so parallel runs and files never collide). `destroy` removes it.
 */
export async function createTestStorage(dialect: Dialect, options: { migrate?: boolean } = {}): Promise<TestStorage> {
  const migrate = options.migrate ?? true;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-test-'));
    const databaseUrl = `sqlite:${join(dir, 'liaison.db')}`;
    const storage = openStorage(databaseUrl);
    if (migrate) await migrateToLatest(storage);
    return {
      ...storage,
      databaseUrl,
      async destroy() {
        await storage.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // The creation time in the name lets later runs drop what an interrupted run left behind.
  const schema = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await dropStaleSchemas(admin);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const storage = openStorage(TEST_DATABASE_URL, { schema, poolSize: 5 });
  if (migrate) await migrateToLatest(storage);
  return {
    ...storage,
    databaseUrl: TEST_DATABASE_URL,
    schema,
    async destroy() {
      await storage.close();
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

/** Drops test schemas older than an hour (left by runs that were killed before cleaning up). */
async function dropStaleSchemas(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'test\\_%'");
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const { nspname } of rows) {
    const created = Number(/^test_(\d{13})_/.exec(nspname)?.[1] ?? 0);
    if (created < cutoff) await client.query(`drop schema if exists ${nspname} cascade`).catch(() => {});
  }
}
