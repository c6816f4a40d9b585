import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicSupportContacts } from '../../src/commands/public-support-contact';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { completeDocument, createAccountWithAdmin } from '../support/accounts';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('public support contact on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
  });
  afterAll(() => t.close());

  it('shows only the user-facing contact and hours, cacheable, without authentication', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const url = `/api/v1/public/accounts/${account.id}/support-contact`;
    // Incomplete accounts are not public.
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, {
      ...completeDocument(account.adminId),
      operationalContactForUsers: { email: 'help@brand.example', phone: '+1 650 253 0000', url: 'https://brand.example/help' },
      operationalSupport: { alwaysOpen: true, windows: [] },
    });
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      email: 'help@brand.example',
      phone: '+16502530000',
      url: 'https://brand.example/help',
      operationalSupport: { alwaysOpen: true, windows: [] },
      openNow: true,
      nextChangeAt: null,
    });
    // Nothing private leaks: no other contact's address appears anywhere in the answer.
    for (const secret of ['ops@partner.example', 'oncall@partner.example', 'dev@partner.example', 'merchants@partner.example', account.adminEmail]) {
      expect(response.body).not.toContain(secret);
    }
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const cached = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
  });

  it('recomputes openNow when it changes and when the hours change, not on every request', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const put = (support: unknown) =>
      account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, { ...completeDocument(account.adminId), operationalSupport: support });
    await put({ alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['mon'], start: '09:00', end: '17:00' }] });
    const { find, close } = await publicSupportContacts(t.storage);
    // Monday 2026-11-23, 10:00 in Warsaw (UTC+1).
    const open = await find(account.id, Date.parse('2026-11-23T09:00:00Z'));
    expect(open).toMatchObject({ openNow: true, nextChangeAt: '2026-11-23T16:00:00.000Z' });
    expect(await find(account.id, Date.parse('2026-11-23T15:59:59Z'))).toMatchObject({ openNow: true });
    expect(await find(account.id, Date.parse('2026-11-23T16:00:00Z'))).toMatchObject({ openNow: false, nextChangeAt: '2026-11-30T08:00:00.000Z' });
    await put({ alwaysOpen: true, windows: [] });
    expect(await find(account.id, Date.parse('2026-11-23T16:00:01Z'))).toMatchObject({ openNow: true, nextChangeAt: null });
    await close();
  });

  it('answers 404 for unknown and malformed ids, 400 for overlong ones', async () => {
    for (const id of ['a_unknown', '%00', 'a b', '../../etc']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/accounts/${encodeURIComponent(id)}/support-contact` });
      expect(response.statusCode, id).toBe(404);
      expect(response.json().error.code).toBe('not_found');
    }
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/public/accounts/${'x'.repeat(65)}/support-contact` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe('params.accountId');
  });
});
