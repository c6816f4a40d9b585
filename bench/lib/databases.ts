import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStorage, type Storage } from '../../src/storage/db';

export type BenchDatabase = {
  dialect: 'sqlite' | 'postgres';
  /** What the server process gets as DATABASE_URL. */
  serverUrl: string;
  /** Where the bench writes the seed (the same database). */
  storage: Storage;
  /** What is measured, in words. */
  description: string;
  /** Closes the bench's own connection (before the server starts). */
  close(): Promise<void>;
  /** Closes if still open, and removes the database. */
  drop(): Promise<void>;
};

/** Every database not dropped yet: an interrupted run drops them all (`dropAll`). */
const undropped = new Set<BenchDatabase>();

function tracked(database: BenchDatabase): BenchDatabase {
  undropped.add(database);
  const drop = database.drop;
  return Object.assign(database, {
    async drop() {
      undropped.delete(database);
      await drop();
    },
  });
}

/** Drops every database still there (the bench was interrupted before its own cleanup ran). */
export async function dropAll(): Promise<void> {
  for (const database of [...undropped]) await database.drop().catch(() => {});
}

/** A SQLite file in a temp folder, removed afterwards. */
export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
  const file = join(dir, 'bench.db');
  const storage = openStorage(`sqlite:${file}`);
  const close = once(() => storage.close());
  return tracked({
    dialect: 'sqlite',
    serverUrl: `sqlite:${file}`,
    storage,
    description: `SQLite file ${file}`,
    close,
    async drop() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/**
 * A PostgreSQL schema of its own on `url`, dropped afterwards. The server process reaches it
 * through DATABASE_URL alone: pg reads `?options=-c search_path=<schema>` from the URL, and
 * migrations then work in `current_schema()`.
 */
export async function postgresDatabase(url: string): Promise<BenchDatabase> {
  // The creation time in the name lets a later run drop what an interrupted one left behind.
  const schema = `bench_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await admin(url, async (client) => {
    await dropStaleSchemas(client);
    await client.query(`create schema ${schema}`);
  });
  const storage = openStorage(url, { schema, poolSize: 4 });
  const close = once(() => storage.close());
  const serverUrl = new URL(url);
  serverUrl.searchParams.set('options', `-c search_path=${schema}`);
  return tracked({
    dialect: 'postgres',
    serverUrl: serverUrl.toString(),
    storage,
    description: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}, schema ${schema}`,
    close,
    async drop() {
      await close();
      await admin(url, (client) => client.query(`drop schema if exists ${schema} cascade`));
    },
  });
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops bench schemas older than an hour (left by runs that were killed before cleaning up). */
async function dropStaleSchemas(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'bench\\_%'");
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const { nspname } of rows) {
    const created = Number(/^bench_(\d{13})_[0-9a-f]{8}$/.exec(nspname)?.[1] ?? Date.now());
    if (created < cutoff) await client.query(`drop schema if exists ${nspname} cascade`).catch(() => {});
  }
}

function once(work: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= work());
}
