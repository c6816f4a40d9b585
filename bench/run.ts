import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hashPassword } from '../src/commands/parts/passwords';
import { buildApp } from '../src/server/app';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../src/app/catalog';
import { loadConfig } from '../src/app/config';
import { openStorage } from '../src/storage/db';
import { migrateToLatest } from '../src/storage/migrations';
import { insertAccount } from '../src/storage/accounts';
import { insertMembership } from '../src/storage/memberships';
import { findCredentials, insertUser } from '../src/storage/users';

/**
 * `npm run bench`: load on 127.0.0.1 only, each case bounded in time. The baseline (`/healthz`,
 * no database) runs in the same process and the same run, so figures compare on this machine.
 */
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 10;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'bench.db')}`, SMTP_URL: 'smtp://127.0.0.1:9', LOG_LEVEL: 'silent' });
  const storage = openStorage(config.databaseUrl);
  await migrateToLatest(storage);
  await insertUser(storage.db, { email: 'bench@example.com', name: 'Bench', passwordHash: await hashPassword('bench-password-123') });
  const catalog = loadCatalog(DEFAULT_CATALOG_PATH);
  const app = await buildApp({ config, storage, mailboxEnabled: false, catalog }, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  const signIn = await fetch(`${address}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password-123' }),
  });
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

  // A complete account, so the public support contact (the hot endpoint) answers 200.
  const user = await findCredentials(storage.db, 'bench@example.com');
  const account = await insertAccount(storage.db, { name: 'Bench Partner', integrations: ['ordering_redirect'] });
  await insertMembership(storage.db, { accountId: account.id, userId: user!.user.id, role: 'admin' });
  const saved = await fetch(`${address}/api/v1/accounts/${account.id}/contact-info`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': (await signIn.json()).csrfToken },
    body: JSON.stringify({
      alertContacts: [{ userId: user!.user.id }],
      technicalEmergencyContacts: [{ email: 'oncall@partner.example' }],
      technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
      operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
      operationalContactForUsers: { email: 'help@brand.example', url: 'https://brand.example/help' },
      operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
    }),
  });
  if (saved.status !== 200) throw new Error(`could not prepare the account: ${saved.status} ${await saved.text()}`);

  const cases = [
    { name: 'baseline: GET /healthz', path: '/healthz', headers: {} },
    { name: 'GET /api/v1/session (cookie → session + user lookups)', path: '/api/v1/session', headers: { cookie } },
    { name: 'GET public support contact (account + document + openNow)', path: `/api/v1/public/accounts/${account.id}/support-contact`, headers: {} },
    { name: 'GET contact-info (signed in, with authorization)', path: `/api/v1/accounts/${account.id}/contact-info`, headers: { cookie } },
  ];
  const results = [];
  for (const c of cases) {
    const result = await autocannon({ url: `${address}${c.path}`, headers: c.headers, connections: CONNECTIONS, duration: DURATION_S });
    const row = {
      case: c.name,
      requestsPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99 },
      non2xx: result.non2xx,
      errors: result.errors,
    };
    results.push(row);
    process.stdout.write(`${row.case}: ${row.requestsPerSecond} req/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, non-2xx ${row.non2xx}\n`);
  }
  const report = { at: new Date().toISOString(), node: process.version, database: 'sqlite', durationSeconds: DURATION_S, connections: CONNECTIONS, results };
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  await app.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
