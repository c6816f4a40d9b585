import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export type Db = Kysely<Database>;

/**
 * Cross-process wake-ups: `deliveries` (work for the workers), `contact-info` (an account's contact
 * information changed; the detail is its id: the public support contact is served from memory).
 */
export type Channel = 'deliveries' | 'contact-info';

export type Storage = {
  db: Db;
  dialect: Dialect;
  /** PostgreSQL schema when one was chosen (else the connection's default). */
  schema?: string;
  /**
   * Tells every listener of `channel`, in this process at once and, on PostgreSQL, in every
   * other process through NOTIFY. Called after a commit (see `afterCommit`), never inside one.
   * `detail` (e.g. an account id) reaches the listeners.
   */
  signal(channel: Channel, detail?: string): void;
  /**
   * `signal` as part of the write transaction `tx`: on PostgreSQL the NOTIFY is issued inside it,
   * so the commit itself tells every listening process (no query after it, no wait for a pooled
   * connection); this process's listeners run right after the commit, before the writer answers.
   */
  signalOnCommit(tx: Db, channel: Channel, detail?: string): Promise<void>;
  /**
   * Listens to `channel` (LISTEN on PostgreSQL, in-process on SQLite); resolves to an unsubscribe.
   * On PostgreSQL the listener is also called, without a detail, after its connection came back
   * (signals may have been missed meanwhile).
   */
  listen(channel: Channel, listener: (detail?: string) => void): Promise<() => Promise<void>>;
  /**
   * SQLite only: a number that moves whenever another connection (another process on the same
   * file) commits; one cheap pragma. PostgreSQL tells other processes through `signal` instead.
   */
  dataVersion?(): number;
  /** Keeps the query planner's statistics fresh (SQLite; PostgreSQL's autovacuum does it there). */
  refreshStatistics?(): Promise<void>;
  close(): Promise<void>;
};

export type StorageOptions = {
  /** PostgreSQL only: the schema to work in (tests give each run its own). */
  schema?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
};

const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

/**
 * Opens the database named by a `sqlite:<path>` or `postgres://…` URL. A PostgreSQL URL may name
 * the schema to work in with `?schema=<name>` (several installations, or test runs, on one server).
 */
export function openStorage(databaseUrl: string, options: StorageOptions = {}): Storage {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema');
  url.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name in DATABASE_URL: ${schema}`);
  return openPostgres(url.toString(), { ...options, schema: options.schema ?? schema ?? undefined });
}

function openSqlite(path: string): Storage {
  const file = path === ':memory:' ? path : resolve(path);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // Several processes (web + workers) may share the file: wait for locks instead of failing.
  database.pragma('busy_timeout = 5000');
  refreshStatistics(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(database) }) });
  // SQLite has no NOTIFY: other processes on the same file find new work at their next poll.
  const local = new EventEmitter().setMaxListeners(0);
  const dataVersion = database.prepare('pragma data_version').pluck();
  return {
    db,
    dialect: 'sqlite',
    signal: (channel, detail) => local.emit(channel, detail),
    async signalOnCommit(tx, channel, detail) {
      afterCommit(tx, () => local.emit(channel, detail));
    },
    dataVersion: () => dataVersion.get() as number,
    async refreshStatistics() {
      refreshStatistics(database);
    },
    async listen(channel, listener) {
      local.on(channel, listener);
      return async () => void local.off(channel, listener);
    },
    close: () => db.destroy(),
  };
}

/**
 * The planner's statistics, as SQLite recommends for long-lived connections (`pragma optimize`,
 * bounded by `analysis_limit`), keeping the per-table ones (sqlite_stat1: join orders) and
 * dropping the per-value samples (sqlite_stat4, which this build of SQLite collects): with
 * samples, every statement whose plan looked at a bound value is planned again on each run
 * (SQLITE_ENABLE_STAT4), measured at 4–6 µs per join on the hot signed-in reads, and those reads
 * look up single keys, where samples change no plan. `analyze sqlite_schema` reloads what is left.
 */
function refreshStatistics(database: SQLite.Database): void {
  database.pragma('analysis_limit = 1000');
  database.pragma('optimize = 0x10002');
  const samples = database.prepare("select count(*) from sqlite_schema where name = 'sqlite_stat4'").pluck().get() as number;
  if (samples > 0 && database.prepare('select exists (select 1 from sqlite_stat4)').pluck().get() === 1) {
    database.exec('delete from sqlite_stat4; analyze sqlite_schema');
  }
}

const STATEMENTS_KEPT = 500;

/**
 * better-sqlite3 with each statement prepared once per SQL text and kept (the least recently used
 * dropped beyond 500): Kysely's driver prepares every query anew (5–9% of a hot request's CPU).
 * Safe because the driver only calls `all`/`run`/`iterate` on one connection, one query at a time.
 */
function preparedOnce(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = database.prepare(text);
        if (statements.size >= STATEMENTS_KEPT) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

/**
 * Parameterized statements run as named prepared statements, prepared once per connection and
 * reused: PostgreSQL then parses and plans a hot path's short indexed reads once instead of on
 * every request. The name is a hash of the SQL text, so one text is one statement. Only texts
 * with a few parameters are named: long `in (…)` lists, whose texts vary with their length,
 * would fill every connection with statements used once. Statements without parameters (BEGIN,
 * DDL, several statements at once) stay unnamed.
 */
const MAX_PREPARED_PARAMETERS = 16;
const statementNames = new Map<string, string>();

function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `l_${createHash('sha1').update(text).digest('base64url')}`;
    if (statementNames.size >= 5_000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

class PreparingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads, passed through as they are
  override query(...args: any[]): any {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= MAX_PREPARED_PARAMETERS) {
      return super.query({ name: statementName(text), text, values });
    }
    return (super.query as (...passed: unknown[]) => unknown)(...args);
  }
}

function openPostgres(url: string, options: StorageOptions): Storage {
  const connection = {
    connectionString: url,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const pool = new pg.Pool({
    ...connection,
    Client: PreparingClient,
    max: options.poolSize ?? 10,
    types: {
      getTypeParser(oid: number, format?: 'text' | 'binary') {
        // Timestamps come back as the same ISO strings SQLite stores.
        if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) {
          return (value: string) => new Date(value).toISOString();
        }
        if (oid === INT8_OID) return (value: string) => Number(value);
        return pg.types.getTypeParser(oid, format as 'text');
      },
    } as pg.CustomTypesConfig,
  });
  // An idle client's error (e.g. the server restarted) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const local = new EventEmitter().setMaxListeners(0);
  // Channels are per schema, so test runs (and installations) sharing a server stay apart.
  const pgChannel = (channel: Channel) => `liaison_${options.schema ?? 'public'}_${channel}`;
  // Who signalled, so that this storage skips its own NOTIFY echo (another storage in the same process hears it).
  const origin = randomUUID();
  return {
    db,
    dialect: 'postgres',
    schema: options.schema,
    signal(channel, detail) {
      local.emit(channel, detail);
      pool.query('select pg_notify($1, $2)', [pgChannel(channel), detail === undefined ? origin : `${origin}:${detail}`]).catch(() => {
        // Listeners poll as a fallback: a lost wake-up only delays work.
      });
    },
    async signalOnCommit(tx, channel, detail) {
      afterCommit(tx, () => local.emit(channel, detail));
      await sql`select pg_notify(${pgChannel(channel)}, ${detail === undefined ? origin : `${origin}:${detail}`})`.execute(tx);
    },
    listen: (channel, listener) => listenPostgres(connection, pgChannel(channel), local, channel, listener, origin),
    close: () => db.destroy(),
  };
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to queries). Reconnects after
 * an error; work signalled while disconnected is found by the listener's poll.
 */
async function listenPostgres(
  connection: pg.ClientConfig,
  pgChannel: string,
  local: EventEmitter,
  channel: Channel,
  listener: (detail?: string) => void,
  origin: string,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  // Our own signals arrive twice (in-process and through NOTIFY): skip the NOTIFY echo.
  const onNotification = (message: pg.Notification) => {
    if (message.channel !== pgChannel) return;
    const payload = message.payload ?? '';
    const colon = payload.indexOf(':');
    if ((colon === -1 ? payload : payload.slice(0, colon)) !== origin) listener(colon === -1 ? undefined : payload.slice(colon + 1));
  };
  let connected = false;
  const connect = async () => {
    const next = new pg.Client(connection);
    next.on('notification', onNotification);
    next.on('error', () => {
      next.removeAllListeners('notification');
      void next.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await next.connect();
    await next.query(`listen "${pgChannel}"`);
    client = next;
    // Back after an error: whatever was signalled meanwhile went unheard.
    if (connected) listener();
    connected = true;
  };
  local.on(channel, listener);
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    local.off(channel, listener);
    await client?.end().catch(() => {});
  };
}

export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The database's clock, `offsetMs` from now, as a timestamp expression: leases and retries are
 * timed by the one clock every host shares, not by each host's own.
 */
export function databaseNow(db: Db, offsetMs = 0): RawBuilder<string> {
  if (dialectOf(db) === 'postgres') return sql<string>`(clock_timestamp() + ${offsetMs}::float8 * interval '1 millisecond')`;
  // The same ISO 8601 shape as Date.toISOString, so text comparisons order correctly.
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${`${offsetMs >= 0 ? '+' : ''}${offsetMs / 1000} seconds`})`;
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

export type AfterCommit = (storage: Storage) => void;

/** The effects each open write transaction runs once it has committed. */
const pendingEffects = new WeakMap<Db, Set<AfterCommit>>();

/**
 * Runs `effect` once the transaction `tx` has committed, and not at all if it rolls back (e.g.
 * waking the delivery workers). The same effect function registered twice runs once.
 */
export function afterCommit(tx: Db, effect: AfterCommit): void {
  const effects = pendingEffects.get(tx);
  if (!effects) throw new Error('afterCommit needs a transaction opened by writeTransaction');
  effects.add(effect);
}

/**
 * Runs `work` in one write transaction, then its after-commit effects. On SQLite it begins
 * IMMEDIATE, taking the write lock up front, so two processes never read the same state and
 * then both write; on PostgreSQL, `work` takes `for update` row locks (see `lockAccount`) where
 * an invariant spans several rows.
 */
export async function writeTransaction<T>(storage: Storage, work: (tx: Db) => Promise<T>): Promise<T> {
  const effects = new Set<AfterCommit>();
  const run = (tx: Db) => {
    pendingEffects.set(tx, effects);
    return work(tx);
  };
  let result: T;
  if (storage.dialect === 'postgres') {
    result = await storage.db.transaction().execute(run);
  } else {
    result = await storage.db.connection().execute(async (connection) => {
      await sql`begin immediate`.execute(connection);
      try {
        const value = await run(connection);
        await sql`commit`.execute(connection);
        return value;
      } catch (error) {
        await sql`rollback`.execute(connection);
        throw error;
      }
    });
  }
  for (const effect of effects) effect(storage);
  return result;
}
