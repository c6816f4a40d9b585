import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSupportContacts } from '../../src/commands/public-support-contact';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../../src/app/catalog';
import { loadConfig } from '../../src/app/config';
import { buildApp } from '../../src/server/app';
import { openStorage, type Storage } from '../../src/storage/db';
import { listMembershipsOfUser } from '../../src/storage/memberships';
import { findAccountWithRole } from '../../src/storage/accounts';
import { presentContactInfo } from '../../src/commands/parts/contact-info-document';
import { completeDocument, createAccountWithAdmin } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS, TEST_DATABASE_URL } from '../support/storage';

/**
 * The hot paths served from memory or with fewer reads still answer as before: a change is
 * seen at once (by another app on the same database too), a revoked session at once, the
 * same security headers everywhere, and the public endpoint callable from any website.
 */
describe.each(DIALECTS)('hot paths on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  // A second app with a Storage of its own on the same database: another process, as far as caches go.
  let other: FastifyInstance;
  let otherStorage: Storage;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    otherStorage = dialect === 'sqlite' ? openStorage(t.storage.databaseUrl) : openStorage(TEST_DATABASE_URL, { schema: t.storage.schema });
    const config = loadConfig({ DATABASE_URL: t.storage.databaseUrl, SMTP_URL: t.catcher.url });
    other = await buildApp({ config, storage: otherStorage, mailboxEnabled: false, catalog: loadCatalog(config.integrationsFile ?? DEFAULT_CATALOG_PATH) }, { logger: false });
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await otherStorage.close();
    await t.close();
  });

  const publicUrl = (id: string) => `/api/v1/public/accounts/${id}/support-contact`;
  const withHelp = (adminId: string, email: string) => ({ ...completeDocument(adminId), operationalContactForUsers: { email } });

  it("shows a change of the contact information in this app's next public response", async () => {
    const account = await createAccountWithAdmin(t, operator);
    const put = (email: string) => account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, withHelp(account.adminId, email));
    expect((await put('first@brand.example')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: publicUrl(account.id) })).json().email).toBe('first@brand.example');
    const before = await t.app.inject({ method: 'GET', url: publicUrl(account.id) });
    expect((await put('second@brand.example')).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: publicUrl(account.id) });
    expect(after.json().email).toBe('second@brand.example');
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // The old ETag no longer matches.
    expect((await t.app.inject({ method: 'GET', url: publicUrl(account.id), headers: { 'if-none-match': before.headers.etag as string } })).statusCode).toBe(200);
  });

  it('shows a change made through another app (its own storage) in the public response', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const putThrough = (app: FastifyInstance, email: string) =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/accounts/${account.id}/contact-info`,
        headers: { cookie: account.admin.cookie, 'x-csrf-token': account.admin.csrfToken },
        payload: withHelp(account.adminId, email),
      });
    expect((await putThrough(t.app, 'first@brand.example')).statusCode).toBe(200);
    // Both apps now hold the document in memory.
    expect((await t.app.inject({ method: 'GET', url: publicUrl(account.id) })).json().email).toBe('first@brand.example');
    expect((await other.inject({ method: 'GET', url: publicUrl(account.id) })).json().email).toBe('first@brand.example');

    expect((await putThrough(other, 'changed-elsewhere@brand.example')).statusCode).toBe(200);
    const seenByFirst = () => t.app.inject({ method: 'GET', url: publicUrl(account.id) }).then((r) => r.json().email);
    if (dialect === 'sqlite') {
      // data_version moved: the next request (in a later turn of the event loop) checks the database.
      expect(await seenByFirst()).toBe('changed-elsewhere@brand.example');
    } else {
      // NOTIFY reaches the other process after the commit, within milliseconds.
      await expect.poll(seenByFirst, { timeout: 2000, interval: 5 }).toBe('changed-elsewhere@brand.example');
    }
    // And the other way round.
    expect((await putThrough(t.app, 'back@brand.example')).statusCode).toBe(200);
    const seenByOther = () => other.inject({ method: 'GET', url: publicUrl(account.id) }).then((r) => r.json().email);
    if (dialect === 'sqlite') expect(await seenByOther()).toBe('back@brand.example');
    else await expect.poll(seenByOther, { timeout: 2000, interval: 5 }).toBe('back@brand.example');
  });

  it('turns openNow at the edge of a window, from memory, and keeps at most the given number of accounts', async () => {
    const accounts = [await createAccountWithAdmin(t, operator), await createAccountWithAdmin(t, operator), await createAccountWithAdmin(t, operator)];
    for (const account of accounts) {
      const saved = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId));
      expect(saved.statusCode).toBe(200);
    }
    const contacts = await publicSupportContacts(t.storage, { maxRemembered: 2 });
    try {
      const [first] = accounts;
      // Friday 2026-11-27, 16:59:59 in Warsaw; then 17:00, the end of the Mon–Fri 09:00–17:00 window.
      const open = await contacts.read(first!.id, Date.parse('2026-11-27T15:59:59Z'));
      expect(open?.value).toMatchObject({ openNow: true, nextChangeAt: '2026-11-27T16:00:00.000Z' });
      const closed = await contacts.read(first!.id, Date.parse('2026-11-27T16:00:00Z'));
      expect(closed?.value).toMatchObject({ openNow: false, nextChangeAt: '2026-11-30T08:00:00.000Z' });
      expect(closed?.etag).not.toBe(open?.etag);
      expect(JSON.parse(closed!.body)).toEqual(closed!.value);
      // Three accounts through a memory of two: each still answers.
      for (const account of [...accounts, ...accounts]) expect((await contacts.find(account.id))?.email).toBe('help@brand.example');
    } finally {
      await contacts.close();
    }
  });

  it('refuses a signed-out session on the very next request, in every app', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const again = await signInAs(t, account.adminEmail);
    const read = (app: FastifyInstance) => app.inject({ method: 'GET', url: `/api/v1/accounts/${account.id}/contact-info`, headers: { cookie: again.cookie } });
    expect((await read(t.app)).statusCode).toBe(200);
    expect((await read(other)).statusCode).toBe(200);
    expect((await again.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    expect((await read(t.app)).statusCode).toBe(401);
    expect((await read(other)).statusCode).toBe(401);
    expect((await other.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: again.cookie } })).statusCode).toBe(401);
  });

  it("reads the person's memberships with the session: every account, by name, with its role", async () => {
    const email = `member-${dialect}-${Date.now()}@partner.example`;
    const person = await createUser(t, { email });
    const roles = { Zeta: 'viewer', Alpha: 'admin', Mid: 'editor' } as const;
    for (const [name, role] of Object.entries(roles)) {
      const account = await createAccountWithAdmin(t, operator, { name: `${name} ${dialect}` });
      expect((await account.admin.request('POST', `/api/v1/accounts/${account.id}/users`, { email, role })).statusCode).toBe(201);
    }
    const session = await (await signInAs(t, email)).request('GET', '/api/v1/session');
    expect(session.statusCode).toBe(200);
    const memberships = session.json().memberships as { accountName: string; role: string }[];
    expect(memberships.map((m) => [m.accountName, m.role])).toEqual([
      [`Alpha ${dialect}`, 'admin'],
      [`Mid ${dialect}`, 'editor'],
      [`Zeta ${dialect}`, 'viewer'],
    ]);
    // The same as the read on its own (sign-in answers with that one).
    expect(memberships).toEqual(await listMembershipsOfUser(t.storage.db, person.id));
    // Nobody's member: an empty list, not a list of nulls.
    expect((await operator.request('GET', '/api/v1/session')).json().memberships).toEqual([]);
  });

  it('reads the contact information along with the session, the same as the read on its own', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const onItsOwn = async () => {
      const found = await findAccountWithRole(t.storage.db, account.id, null);
      return JSON.parse(JSON.stringify(await presentContactInfo(t.storage.db, t.deps.catalog, found!.account)));
    };
    const read = async (client: Client) => {
      const response = await client.request('GET', `/api/v1/accounts/${account.id}/contact-info`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers.etag).toBe(`"${response.json().version}"`);
      return response.json();
    };
    // No document yet, then one saved by the admin (an alert contact with a name), then one saved by an operator (no member).
    expect(await read(account.admin)).toEqual(await onItsOwn());
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId))).statusCode).toBe(200);
    const saved = await read(account.admin);
    expect(saved).toEqual(await onItsOwn());
    expect(saved.alertContacts).toEqual([{ userId: account.adminId, email: account.adminEmail, name: 'First Admin' }]);
    expect(saved.contactHealth.length).toBeGreaterThan(0);
    const byOperator = await operator.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, { ...withHelp(account.adminId, 'ops-saved@brand.example'), version: saved.version });
    expect(byOperator.statusCode, byOperator.body).toBe(200);
    expect(await read(operator)).toEqual(await onItsOwn());
    expect((await read(account.admin)).updatedBy.name).toBe('ops');
    // Someone else's account: 404, and nothing of the document in the answer.
    const stranger = await createAccountWithAdmin(t, operator);
    const refused = await stranger.admin.request('GET', `/api/v1/accounts/${account.id}/contact-info`);
    expect(refused.statusCode).toBe(404);
    expect(refused.body).not.toContain('ops-saved@brand.example');
  });

  it('answers account requests with the role of the caller: a member of another account gets 404', async () => {
    const mine = await createAccountWithAdmin(t, operator);
    const theirs = await createAccountWithAdmin(t, operator);
    expect((await mine.admin.request('GET', `/api/v1/accounts/${mine.id}/contact-info`)).statusCode).toBe(200);
    expect((await mine.admin.request('GET', `/api/v1/accounts/${theirs.id}/contact-info`)).statusCode).toBe(404);
    expect((await mine.admin.request('GET', `/api/v1/accounts/${mine.id}`)).json().integrations).toEqual([{ type: 'reservations_e2e', status: 'enabled' }]);
  });

  it('lets any website read the public support contact (CORS), preflight included', async () => {
    const account = await createAccountWithAdmin(t, operator);
    await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, completeDocument(account.adminId));
    const origin = { origin: 'https://partner.example' };
    const ok = await t.app.inject({ method: 'GET', url: publicUrl(account.id), headers: origin });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    expect(ok.headers['access-control-expose-headers']).toBe('ETag');
    expect(ok.headers['content-type']).toBe('application/json; charset=utf-8');
    const missing = await t.app.inject({ method: 'GET', url: publicUrl('a_unknown'), headers: origin });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: publicUrl(account.id),
      headers: { ...origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-methods']).toContain('GET');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('if-none-match');
    // Private routes stay closed to other origins.
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: origin });
    expect(session.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("sets helmet's headers on every answer, errors included", async () => {
    const expected = {
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'x-frame-options': 'SAMEORIGIN',
      'x-content-type-options': 'nosniff',
      'cross-origin-opener-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
    };
    for (const url of ['/healthz', '/api/v1/no-such-thing', '/api/v1/session']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers, url).toMatchObject(expected);
      expect(response.headers['x-request-id'], url).toEqual(expect.any(String));
    }
  });
});
