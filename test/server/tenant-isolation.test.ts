import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { addMember, completeDocument, createAccountWithAdmin, uniqueEmail, type AccountFixture } from '../support/accounts';
import { DIALECTS } from '../support/storage';
import { insertWebhook } from '../../src/storage/webhooks';
import { insertMaintenanceWindow } from '../../src/storage/maintenance';
import { writeTransaction } from '../../src/storage/db';

type Caller = 'anonymous' | 'otherAccountAdmin' | 'viewer' | 'editor' | 'admin' | 'operator';
const CALLERS: Caller[] = ['anonymous', 'otherAccountAdmin', 'viewer', 'editor', 'admin', 'operator'];

type Endpoint = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The route as the OpenAPI document names it. */
  route: string;
  /** Builds a fresh request against account B (a new target member where the call consumes one). */
  request(b: AccountFixture): Promise<{ url: string; body?: unknown }>;
  /** Expected status per caller. */
  expect: Record<Caller, number>;
};

const READ = { anonymous: 401, otherAccountAdmin: 404, viewer: 200, editor: 200, admin: 200, operator: 200 };
const WRITERS = (ok: number) => ({ anonymous: 401, otherAccountAdmin: 404, viewer: 403, editor: ok, admin: ok, operator: ok });
const ADMIN_ONLY = (ok: number) => ({ anonymous: 401, otherAccountAdmin: 404, viewer: 403, editor: 403, admin: ok, operator: ok });
const OPERATOR_ONLY = (ok: number) => ({ anonymous: 401, otherAccountAdmin: 404, viewer: 403, editor: 403, admin: 403, operator: ok });

/**
 * Every account endpoint, called by every kind of caller. Other tenants get 404 (never a hint
 * that the account exists); roles without the permission get 403. Add each new endpoint here:
 * the last test fails when the API has an account route that this table does not cover.
 */
describe.each(DIALECTS)('tenant isolation on %s', (dialect) => {
  let t: TestApp;
  let b: AccountFixture;
  let callers: Record<Exclude<Caller, 'anonymous'>, Client>;

  const freshInvitedMember = async (account: AccountFixture) => {
    const email = uniqueEmail('target');
    const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/users`, { email, role: 'viewer' });
    return response.json().userId as string;
  };

  /** A destination of its own for each call (nothing is ever sent to it: port 9 discards). */
  const freshWebhook = (account: AccountFixture) =>
    writeTransaction(t.storage, async (tx) =>
      (await insertWebhook(tx, { accountId: account.id, url: 'http://127.0.0.1:9/hook', categories: ['technical'], env: 'production', secret: 'whsec_AAAA' })).id,
    );
  const hook = (x: AccountFixture, rest: string) => freshWebhook(x).then((id) => `/api/v1/accounts/${x.id}/webhooks/${id}${rest}`);

  const inOneHour = () => new Date(Date.now() + 60 * 60 * 1000).toISOString();
  const freshWindow = (account: AccountFixture) =>
    writeTransaction(t.storage, async (tx) =>
      (await insertMaintenanceWindow(tx, { accountId: account.id, integration: 'reservations_e2e', startsAt: new Date().toISOString(), endsAt: inOneHour(), reason: 'Upgrade', atEnd: 'release', createdBy: 'Test' })).id,
    );

  const endpoints: Endpoint[] = [
    { method: 'GET', route: '/api/v1/accounts/{accountId}/support-calendar', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/support-calendar` }), expect: READ },
    {
      method: 'PUT',
      route: '/api/v1/accounts/{accountId}/support-calendar',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/support-calendar`, body: { holdOutsideHours: false, holidays: [{ date: '2027-12-25', name: 'Christmas' }] } }),
      expect: WRITERS(200),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/support-calendar/import',
      request: async (x) => ({
        url: `/api/v1/accounts/${x.id}/support-calendar/import`,
        body: { ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20271226\r\nSUMMARY:Boxing Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' },
      }),
      expect: WRITERS(200),
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/unsubscribes', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/unsubscribes` }), expect: ADMIN_ONLY(200) },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/maintenance-windows', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/maintenance-windows` }), expect: READ },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/maintenance-windows',
      request: async (x) => ({
        url: `/api/v1/accounts/${x.id}/maintenance-windows`,
        body: { integration: 'reservations_e2e', startsAt: new Date().toISOString(), endsAt: inOneHour(), reason: 'Upgrade', atEnd: 'drop' },
      }),
      expect: ADMIN_ONLY(201),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/maintenance-windows/{windowId}/end',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/maintenance-windows/${await freshWindow(x)}/end` }),
      expect: ADMIN_ONLY(200),
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/webhooks', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/webhooks` }), expect: READ },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/webhooks',
      request: async (x) => {
        // Room under the limit of five for every call.
        await t.storage.db.deleteFrom('webhooks').where('account_id', '=', x.id).execute();
        return { url: `/api/v1/accounts/${x.id}/webhooks`, body: { url: 'http://127.0.0.1:9/hook', categories: ['technical'] } };
      },
      expect: ADMIN_ONLY(201),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/webhooks/{webhookId}/rotate-secret',
      request: async (x) => ({ url: await hook(x, '/rotate-secret'), body: {} }),
      expect: ADMIN_ONLY(200),
    },
    { method: 'POST', route: '/api/v1/accounts/{accountId}/webhooks/{webhookId}/test', request: async (x) => ({ url: await hook(x, '/test') }), expect: ADMIN_ONLY(202) },
    { method: 'DELETE', route: '/api/v1/accounts/{accountId}/webhooks/{webhookId}', request: async (x) => ({ url: await hook(x, '') }), expect: ADMIN_ONLY(204) },
    {
      method: 'GET',
      route: '/api/v1/accounts/{accountId}/webhooks/{webhookId}/deliveries',
      request: async (x) => ({ url: await hook(x, '/deliveries') }),
      expect: READ,
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}', request: async (x) => ({ url: `/api/v1/accounts/${x.id}` }), expect: READ },
    {
      method: 'PATCH',
      route: '/api/v1/accounts/{accountId}',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}`, body: { language: 'pl' } }),
      expect: ADMIN_ONLY(200),
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/users', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/users` }), expect: READ },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/users',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/users`, body: { email: uniqueEmail('new'), role: 'viewer' } }),
      expect: ADMIN_ONLY(201),
    },
    {
      method: 'PATCH',
      route: '/api/v1/accounts/{accountId}/users/{userId}',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/users/${await freshInvitedMember(x)}`, body: { role: 'editor' } }),
      expect: ADMIN_ONLY(200),
    },
    {
      method: 'DELETE',
      route: '/api/v1/accounts/{accountId}/users/{userId}',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/users/${await freshInvitedMember(x)}` }),
      expect: ADMIN_ONLY(204),
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/contact-info', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/contact-info` }), expect: READ },
    {
      method: 'PUT',
      route: '/api/v1/accounts/{accountId}/contact-info',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/contact-info`, body: completeDocument(x.adminId) }),
      expect: WRITERS(200),
    },
    {
      method: 'GET',
      route: '/api/v1/accounts/{accountId}/contact-info/routes',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/contact-info/routes?category=emergency` }),
      expect: READ,
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/contact-info/confirmations',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/contact-info/confirmations`, body: { field: 'technicalEmergencyContacts', email: 'oncall@partner.example' } }),
      expect: WRITERS(202),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/contact-info/review',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/contact-info/review` }),
      expect: WRITERS(200),
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/audit-log', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/audit-log` }), expect: READ },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/users/{userId}/invitation',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/users/${await freshInvitedMember(x)}/invitation` }),
      expect: ADMIN_ONLY(202),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/notifications',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/notifications`, body: { category: 'technical', title: 'Feed errors' } }),
      expect: OPERATOR_ONLY(202),
    },
    { method: 'GET', route: '/api/v1/accounts/{accountId}/notifications', request: async (x) => ({ url: `/api/v1/accounts/${x.id}/notifications` }), expect: READ },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/contact-info/test',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/contact-info/test`, body: { category: 'technical' } }),
      expect: WRITERS(202),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/integrations/{type}/disable',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/integrations/reservations_e2e/disable`, body: { reason: 'Checking who may' } }),
      expect: OPERATOR_ONLY(200),
    },
    {
      method: 'POST',
      route: '/api/v1/accounts/{accountId}/integrations/{type}/enable',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/integrations/reservations_e2e/enable`, body: {} }),
      expect: OPERATOR_ONLY(200),
    },
    {
      method: 'GET',
      route: '/api/v1/accounts/{accountId}/two-step-requirement',
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/two-step-requirement` }),
      expect: READ,
    },
    {
      method: 'PUT',
      route: '/api/v1/accounts/{accountId}/two-step-requirement',
      // Not required: the other endpoints here go on being called without two-step sign-in.
      request: async (x) => ({ url: `/api/v1/accounts/${x.id}/two-step-requirement`, body: { required: false } }),
      expect: ADMIN_ONLY(200),
    },
  ];

  beforeAll(async () => {
    // Webhook destinations on this machine's loopback (never reached: nothing is delivered in these tests).
    t = await createTestApp(dialect, { WEBHOOK_ALLOW_PRIVATE: '1' });
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    const operator = await signInAs(t, 'ops@liaison.test');
    const a = await createAccountWithAdmin(t, operator, { name: 'Account A' });
    b = await createAccountWithAdmin(t, operator, { name: 'Account B' });
    // Complete, so that gated endpoints answer members too (the gate has its own tests).
    const saved = await b.admin.request('PUT', `/api/v1/accounts/${b.id}/contact-info`, completeDocument(b.adminId));
    expect(saved.statusCode, saved.body).toBe(200);
    callers = {
      otherAccountAdmin: a.admin,
      viewer: (await addMember(t, b, 'viewer')).client,
      editor: (await addMember(t, b, 'editor')).client,
      admin: b.admin,
      operator,
    };
  });
  afterAll(() => t.close());

  for (const endpoint of endpoints) {
    for (const caller of CALLERS) {
      it(`${endpoint.method} ${endpoint.route} as ${caller} → ${endpoint.expect[caller]}`, async () => {
        const { url, body } = await endpoint.request(b);
        const response =
          caller === 'anonymous'
            ? await t.app.inject({ method: endpoint.method, url, ...(body === undefined ? {} : { payload: body as object }) })
            : await callers[caller].request(endpoint.method, url, body);
        expect(response.statusCode, response.body).toBe(endpoint.expect[caller]);
        if (response.statusCode >= 400) {
          const code = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[response.statusCode as 401 | 403 | 404];
          expect(response.json().error.code).toBe(code);
        }
      });
    }
  }

  it('answers an unknown account exactly like another tenant’s', async () => {
    for (const endpoint of endpoints) {
      const { url, body } = await endpoint.request(b);
      const response = await callers.admin.request(endpoint.method, url.replace(b.id, 'a_doesnotexist0000'), body);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    }
  });

  it('covers every account route of the API', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, object> };
    const routes = Object.entries(document.paths)
      // The public support contact is open to everyone by design (its own test checks what it shows).
      .filter(([path]) => path.includes('{accountId}') && !path.startsWith('/api/v1/public/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = endpoints.map((e) => `${e.method} ${e.route}`);
    expect(routes.sort()).toEqual(covered.sort());
  });
});
