/** What `npm run bench` does, from the environment (every knob has a default that fits 10 minutes on 2 cores). */
export type Settings = {
  /** Seconds of measured load per case and target. */
  seconds: number;
  /**
   * The measured seconds are split into this many rounds, baseline and Liaison taking turns, so a
   * machine that slows down or speeds up meanwhile (a shared VM) weighs on both alike.
   */
  rounds: number;
  /** Seconds of unmeasured load before each case's first round (JIT, caches, connection pools). */
  warmupSeconds: number;
  /** wrk: threads and open connections. */
  threads: number;
  connections: number;
  /** Accounts seeded, each complete, with its own admin. */
  accounts: number;
  /** Admins signed in over HTTP for the signed-in cases (the load picks one at random per request). */
  signedIn: number;
  databases: ('sqlite' | 'postgres')[];
  /** Case names to run (empty: all). */
  cases: string[];
  /** PostgreSQL server to create the bench schema in. */
  postgresUrl: string;
  /** Liaison listens here, the baseline on the next port. */
  port: number;
  /** Write a V8 CPU profile of the Liaison process per database (distorts the figures a little). */
  profile: boolean;
  /** Accounts of the fan-out case (ten deliveries each); 0 skips it. */
  fanOutAccounts: number;
  /** Accounts of the operator phase (one in ten incomplete); 0 skips it. */
  operatorAccounts: number;
  /** wrk's open connections for the operator's accounts list (operators are few). */
  operatorConnections: number;
  /** The operator phase waits at most this long for the broadcast to finish, then reports where it got. */
  operatorBroadcastSeconds: number;
};

function number(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max} (got ${raw})`);
  return value;
}

function list(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function loadSettings(): Settings {
  const databases = list('BENCH_DATABASES');
  for (const d of databases) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DATABASES: unknown database ${d} (sqlite, postgres)`);
  const port = number('BENCH_PORT', 4101, 1024, 65534);
  return {
    seconds: number('BENCH_SECONDS', 6, 1, 120),
    warmupSeconds: number('BENCH_WARMUP_SECONDS', 1, 0, 60),
    rounds: number('BENCH_ROUNDS', 3, 1, 20),
    threads: 1,
    connections: number('BENCH_CONNECTIONS', 50, 1, 1000),
    accounts: number('BENCH_ACCOUNTS', 10_000, 1, 1_000_000),
    signedIn: number('BENCH_SIGNED_IN', 50, 1, 1000),
    databases: databases.length > 0 ? (databases as Settings['databases']) : ['sqlite', 'postgres'],
    cases: list('BENCH_CASES'),
    postgresUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://root@127.0.0.1:5432/test',
    port,
    profile: process.env.BENCH_PROFILE === '1',
    fanOutAccounts: number('BENCH_FANOUT_ACCOUNTS', 2000, 0, 100_000),
    operatorAccounts: number('BENCH_OPERATOR_ACCOUNTS', 100_000, 0, 1_000_000),
    operatorConnections: number('BENCH_OPERATOR_CONNECTIONS', 10, 1, 1000),
    operatorBroadcastSeconds: number('BENCH_OPERATOR_BROADCAST_SECONDS', 90, 10, 3600),
  };
}
