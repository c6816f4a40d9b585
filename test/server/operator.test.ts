import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../../src/app/catalog';
import { csvCell } from '../../src/commands/parts/csv';
import { insertAccount } from '../../src/storage/accounts';
import { exportAccountBatches } from '../../src/storage/operator';
import { createAccountWithAdmin } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

const NAMES = ['Zeta Foods', 'alpha Bookings', 'Alpha Tables', '=SUM(A1:A2)', '+48 Pizza', '-minus', '@mention', '\tTabbed', 'Acme, "Quoted"', '50% Off_Deals', 'Beta'];

describe.each(DIALECTS)('the operator console API on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let partner: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', name: 'Olga Operator', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    partner = (await createAccountWithAdmin(t, operator, { name: 'Partner Own' })).admin;
    for (const name of NAMES) await insertAccount(t.storage.db, { name, integrations: ['reservations_e2e'] });
  });
  afterAll(() => t.close());

  async function names(query: string): Promise<string[]> {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await operator.request('GET', `/api/v1/accounts?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as { items: { name: string }[]; nextCursor: string | null };
      all.push(...page.items.map((a) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  }

  it('searches by name in any case, taking % and _ literally', async () => {
    expect((await names('q=ALPHA')).sort()).toEqual(['Alpha Tables', 'alpha Bookings'].sort());
    expect(await names('q=50%25')).toEqual(['50% Off_Deals']);
    expect(await names('q=_')).toEqual(['50% Off_Deals']);
    expect(await names('q=nothing-like-this')).toEqual([]);
  });

  it('sorts by name both ways, keyset page after page, without repeats', async () => {
    const ascending = await names('contactInfo=incomplete');
    expect(ascending).toHaveLength(NAMES.length + 1);
    expect(new Set(ascending).size).toBe(ascending.length);
    const descending = await names('contactInfo=incomplete&sort=-name');
    expect(descending).toEqual([...ascending].reverse());
    expect((await operator.request('GET', '/api/v1/accounts?sort=size')).statusCode).toBe(400);
  });

  it('exports every account as CSV with formula-looking cells defused', async () => {
    const response = await operator.request('GET', '/api/v1/operator/accounts.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('accounts.csv');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'id,name,contactInfoComplete,integrations,alertContacts,technicalEmergencyContacts,technicalNonEmergencyContacts,merchantIssueContacts,operationalContactsForPlatform,operationalContactForUsers,operationalSupport,contactsBouncing,contactsUnconfirmed,contactInfoStale',
    );
    // 11 accounts + the partner's + header; no cell starts a formula.
    expect(lines).toHaveLength(NAMES.length + 2);
    const nameCells = lines.slice(1).map((line) => line.split(',')[1]);
    expect(nameCells).toEqual(expect.arrayContaining(["'=SUM(A1:A2)", "'+48 Pizza", "'-minus", "'@mention", "'\tTabbed", '"Acme', '50% Off_Deals']));
    for (const line of lines.slice(1)) expect(line.split(',').every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    expect(response.body).toContain('"Acme, ""Quoted"""');
  });

  it('answers 404 to partners for the export and the dashboard', async () => {
    expect((await partner.request('GET', '/api/v1/operator/accounts.csv')).statusCode).toBe(404);
    expect((await partner.request('GET', '/api/v1/operator/dashboard')).statusCode).toBe(404);
  });

  it('counts the dashboard figures in the database', async () => {
    const db = t.storage.db;
    const account = await db.selectFrom('accounts').select(['id', 'name']).where('name', '=', 'Beta').executeTakeFirstOrThrow();
    const now = new Date();
    const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
    await db
      .insertInto('notifications')
      .values({ id: 'n_dash', account_id: account.id, category: 'technical', env: 'production', title: 'Cert renewal', body: '', dedup_key: null, template: null, params: null, created_by_kind: 'system', created_by_id: null, created_by_name: 'Liaison', created_at: at(3), last_occurred_at: at(3) })
      .execute();
    const delivery = (id: string, status: 'sent' | 'failed' | 'retrying' | 'queued', daysAgo: number) => ({
      id, recipient: 'x@partner.test', subject: 's', text: 't', html: null, notification_id: 'n_dash', reason: null, status, created_at: at(daysAgo), next_attempt_at: at(daysAgo),
    });
    await db.insertInto('deliveries').values([delivery('d1', 'sent', 0), delivery('d2', 'failed', 0), delivery('d3', 'failed', 2), delivery('d4', 'retrying', 3), delivery('d5', 'sent', 20), delivery('d6', 'failed', 20)]).execute();

    const response = await operator.request('GET', '/api/v1/operator/dashboard');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.accounts).toEqual({ complete: 0, incomplete: NAMES.length + 1 });
    expect(body.days).toHaveLength(14);
    const today = body.days.at(-1);
    // The invitation of the partner's admin was sent today too (no notification, but a delivery).
    expect(today.failed).toBe(1);
    expect(today.sent).toBeGreaterThanOrEqual(1);
    expect(body.days.reduce((n: number, d: { failed: number }) => n + d.failed, 0)).toBe(2);
    expect(body.days.reduce((n: number, d: { retrying: number }) => n + d.retrying, 0)).toBe(1);
    // Failing: failed or retrying, created within the 14 days (the failure of 20 days ago is not counted).
    expect(body.failingAccounts).toEqual([{ id: account.id, name: 'Beta', failed: 3 }]);
    expect(body.oldestUndelivered).toMatchObject({ notificationId: 'n_dash', accountName: 'Beta', title: 'Cert renewal' });

    // The accounts list says the same, per account.
    const list = (await operator.request('GET', '/api/v1/accounts?limit=100')).json();
    const failing = Object.fromEntries(list.items.map((a: { name: string; failingDeliveries: number }) => [a.name, a.failingDeliveries]));
    expect(failing.Beta).toBe(3);
    expect(Object.values(failing).reduce((n: number, f) => n + Number(f), 0)).toBe(3);
  });

  it('reads the accounts in keyset batches: each exactly once, whatever the batch size', async () => {
    const seen: string[] = [];
    let batches = 0;
    for await (const batch of exportAccountBatches(t.storage.db, { batchSize: 3 })) {
      batches++;
      expect(batch.length).toBeLessThanOrEqual(3);
      seen.push(...batch.map((a) => a.id));
    }
    expect(seen).toHaveLength(NAMES.length + 1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(batches).toBe(Math.ceil(seen.length / 3));
  });
});

describe('csvCell', () => {
  it('quotes, doubles quotes and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });
});

describe.each(DIALECTS)('broadcasts on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', name: 'Olga Operator', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    const doc = JSON.stringify({
      alertContacts: [],
      technicalEmergencyContacts: [{ email: 'oncall@p.test' }],
      technicalNonEmergencyContacts: [{ email: 'dev@p.test' }, { email: 'dev2@p.test' }],
      merchantIssueContacts: [{ email: 'm@p.test' }],
      operationalContactsForPlatform: [{ email: 'ops@p.test' }],
      operationalContactForUsers: { email: 'help@p.test' },
      operationalSupport: { alwaysOpen: true, windows: [] },
    });
    for (let i = 0; i < 9; i++) {
      const account = await insertAccount(t.storage.db, { name: `Fan ${i}`, integrations: [i % 3 === 0 ? 'ordering_e2e' : 'reservations_e2e'] });
      // Eight with contact information; one (Fan 8) has nobody to receive it.
      if (i < 8) await t.storage.db.insertInto('contact_info').values({ account_id: account.id, version: 1, document: doc, updated_at: new Date().toISOString(), updated_by: null }).execute();
    }
  });
  afterAll(() => t.close());

  it('accepts one job, fans it out in leased batches exactly once per account, and reports its progress', async () => {
    const accepted = await operator.request('POST', '/api/v1/operator/broadcasts', { category: 'technical', title: 'API v1 retires in March', body: 'Move to v2.' });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = accepted.json();
    expect(job).toMatchObject({ status: 'running', accountsTotal: 9, accountsDone: 0, deliveriesQueued: 0 });

    // Two workers at once, small batches: the lease lets one of them work on it.
    const deps = { storage: t.storage, catalog: loadCatalog(DEFAULT_CATALOG_PATH), config: { publicUrl: 'http://localhost:3000', platformName: undefined } };
    const { processBroadcast } = await import('../../src/commands/broadcast');
    await Promise.all([processBroadcast(deps, { batchSize: 2 }), processBroadcast(deps, { batchSize: 2 })]);
    // A later pass finds nothing left to do.
    expect(await processBroadcast(deps, { batchSize: 2 })).toBeUndefined();

    const done = (await operator.request('GET', `/api/v1/operator/broadcasts/${job.id}`)).json();
    expect(done).toMatchObject({ status: 'done', accountsTotal: 9, accountsDone: 9, accountsSkipped: 1, deliveriesQueued: 16 });
    const perAccount = await t.storage.db
      .selectFrom('notifications')
      .select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('title', '=', 'API v1 retires in March')
      .groupBy('account_id')
      .execute();
    expect(perAccount).toHaveLength(8);
    expect(perAccount.every((r) => Number(r.n) === 1)).toBe(true);
    const listed = (await operator.request('GET', '/api/v1/operator/broadcasts')).json();
    expect(listed.items.map((b: { id: string }) => b.id)).toContain(job.id);
  });

  it('stops a stopping worker after its batch; the rest is taken up once the lease runs out, each account once', async () => {
    const accepted = await operator.request('POST', '/api/v1/operator/broadcasts', { category: 'technical', title: 'Stopped halfway', body: 'Then resumed.' });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const job = accepted.json();
    const deps = { storage: t.storage, catalog: loadCatalog(DEFAULT_CATALOG_PATH), config: { publicUrl: 'http://localhost:3000', platformName: undefined } };
    const { processBroadcast } = await import('../../src/commands/broadcast');
    const stopping = new AbortController();
    // The worker is told to stop while it works on its first batch.
    const first = await processBroadcast(deps, { batchSize: 2, leaseMs: 200, signal: stopping.signal, onProgress: () => stopping.abort() });
    expect(first).toMatchObject({ id: job.id, status: 'running', accountsDone: 2 });
    // Its lease still holds: nobody else takes the job up yet.
    expect(await processBroadcast(deps, { batchSize: 2, leaseMs: 200 })).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await processBroadcast(deps, { batchSize: 2, leaseMs: 200 })).toMatchObject({ id: job.id, status: 'done', accountsDone: 9 });
    const perAccount = await t.storage.db
      .selectFrom('notifications')
      .select(['account_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('title', '=', 'Stopped halfway')
      .groupBy('account_id')
      .execute();
    expect(perAccount).toHaveLength(8);
    expect(perAccount.every((r) => Number(r.n) === 1)).toBe(true);
  });

  it('limits a broadcast to the accounts with an integration type, and refuses unknown ones', async () => {
    const accepted = await operator.request('POST', '/api/v1/operator/broadcasts', { category: 'technical', title: 'Ordering only', integrationType: 'ordering_e2e' });
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().accountsTotal).toBe(3);
    const unknown = await operator.request('POST', '/api/v1/operator/broadcasts', { category: 'technical', title: 'x', integrationType: 'nope' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'integrationType', code: 'unknown_integration_type', message: expect.any(String) }]);
  });
});
