import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { addMember, completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('contact information on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
  });
  afterAll(() => t.close());

  const url = (account: AccountFixture, suffix = '') => `/api/v1/accounts/${account.id}/contact-info${suffix}`;
  const stored = async (accountId: string) =>
    t.storage.db.selectFrom('contact_info').selectAll().where('account_id', '=', accountId).executeTakeFirst();

  it('starts empty, saves a partial draft and lists what is missing', async () => {
    const account = await createAccountWithAdmin(t, operator, { integrations: ['ordering_redirect'] });
    const empty = await account.admin.request('GET', url(account));
    expect(empty.statusCode).toBe(200);
    expect(empty.headers.etag).toBe('"0"');
    expect(empty.json()).toEqual({
      version: 0,
      complete: false,
      missing: [
        'alertContacts',
        'technicalEmergencyContacts',
        'technicalNonEmergencyContacts',
        'operationalContactsForPlatform',
        'operationalContactForUsers',
        'operationalSupport',
      ],
      alertContacts: [],
      technicalEmergencyContacts: [],
      technicalNonEmergencyContacts: [],
      merchantIssueContacts: null,
      operationalContactsForPlatform: [],
      operationalContactForUsers: null,
      operationalSupport: null,
      updatedAt: null,
      updatedBy: null,
      contactHealth: [],
      review: null,
    });

    const draft = await account.admin.request('PUT', url(account), {
      technicalEmergencyContacts: [{ email: ' OnCall@Partner.EXAMPLE ', phone: '+48 22 123 45 67', name: ' Pager ' }],
    });
    expect(draft.statusCode).toBe(200);
    expect(draft.headers.etag).toBe('"1"');
    expect(draft.json()).toMatchObject({
      version: 1,
      complete: false,
      missing: ['alertContacts', 'technicalNonEmergencyContacts', 'operationalContactsForPlatform', 'operationalContactForUsers', 'operationalSupport'],
      technicalEmergencyContacts: [{ email: 'OnCall@partner.example', phone: '+48221234567', name: 'Pager' }],
      updatedAt: expect.stringMatching(/Z$/),
      updatedBy: { id: account.adminId, name: 'First Admin' },
    });
    const detail = await account.admin.request('GET', `/api/v1/accounts/${account.id}`);
    expect(detail.json().missing).toEqual(draft.json().missing);

    // Saved by an operator (no member of the account): still named.
    const byOperator = await operator.request('PUT', url(account), { technicalEmergencyContacts: [{ email: 'pager@partner.example' }] }, { 'if-match': '"1"' });
    expect(byOperator.statusCode, byOperator.body).toBe(200);
    const read = (await account.admin.request('GET', url(account))).json();
    expect(read.version).toBe(2);
    expect(read.updatedBy.id).not.toBe(account.adminId);
    expect(read.updatedBy.name).toBe((await operator.request('GET', '/api/v1/session')).json().user.name);
  });

  it('gates every other account endpoint until complete, then unlocks it for every user of the account', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const viewer = await addMember(t, account, 'viewer');
    for (const client of [account.admin, viewer.client]) {
      const gated = await client.request('GET', `/api/v1/accounts/${account.id}/audit-log`);
      expect(gated.statusCode).toBe(403);
      expect(gated.json().error.code).toBe('contact_info_required');
      // The exempt endpoints keep working, so the modal can do its job.
      expect((await client.request('GET', `/api/v1/accounts/${account.id}`)).statusCode).toBe(200);
      expect((await client.request('GET', url(account))).statusCode).toBe(200);
      expect((await client.request('GET', url(account, '/routes?category=alert'))).statusCode).toBe(200);
      expect((await client.request('GET', `/api/v1/accounts/${account.id}/users`)).statusCode).toBe(200);
    }
    // Operators are never gated.
    expect((await operator.request('GET', `/api/v1/accounts/${account.id}/audit-log`)).statusCode).toBe(200);

    const saved = await account.admin.request('PUT', url(account), completeDocument(account.adminId));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ complete: true, missing: [] });
    expect((await viewer.client.request('GET', `/api/v1/accounts/${account.id}/audit-log`)).statusCode).toBe(200);
    const list = await operator.request('GET', '/api/v1/accounts?contactInfo=complete&limit=200');
    expect(list.json().items.map((a: { id: string }) => a.id)).toContain(account.id);
  });

  it('never lets a complete document become incomplete', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const saved = await account.admin.request('PUT', url(account), completeDocument(account.adminId));
    const document = { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [], operationalSupport: null };
    const refused = await account.admin.request('PUT', url(account), document);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('validation_failed');
    expect(refused.json().error.details).toEqual([
      { path: 'technicalNonEmergencyContacts', code: 'required', message: 'This is required.' },
      { path: 'operationalSupport', code: 'required', message: 'This is required.' },
    ]);
    expect((await stored(account.id))!.version).toBe(saved.json().version);
  });

  it('refuses a stale If-Match with 412 and writes nothing; a fresh one wins', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const first = await account.admin.request('PUT', url(account), completeDocument(account.adminId), { 'if-match': '"0"' });
    expect(first.statusCode).toBe(200);
    const editor = await addMember(t, account, 'editor');
    const changed = { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [{ email: 'new-dev@partner.example' }] };
    const second = await editor.client.request('PUT', url(account), changed, { 'if-match': first.headers.etag as string });
    expect(second.statusCode).toBe(200);
    expect(second.json().version).toBe(2);

    const before = await stored(account.id);
    for (const stale of ['"1"', 'W/"1"', '"999"', 'garbage']) {
      const response = await account.admin.request('PUT', url(account), completeDocument(account.adminId), { 'if-match': stale });
      expect(response.statusCode, stale).toBe(412);
      expect(response.json().error.code).toBe('version_conflict');
    }
    const staleBody = await account.admin.request('PUT', url(account), { ...completeDocument(account.adminId), version: 1 });
    expect(staleBody.statusCode).toBe(412);
    expect(await stored(account.id)).toEqual(before);
    const fresh = await account.admin.request('PUT', url(account), { ...completeDocument(account.adminId), version: 2 });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().technicalNonEmergencyContacts).toEqual([{ email: 'dev@partner.example' }]);
  });

  it('lets exactly one of two concurrent PUTs with the same version win', async () => {
    const account = await createAccountWithAdmin(t, operator);
    await account.admin.request('PUT', url(account), completeDocument(account.adminId));
    const editor = await addMember(t, account, 'editor');
    const a = { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [{ email: 'a@partner.example' }] };
    const b = { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [{ email: 'b@partner.example' }] };
    const results = await Promise.all([
      account.admin.request('PUT', url(account), a, { 'if-match': '"1"' }),
      editor.client.request('PUT', url(account), b, { 'if-match': '"1"' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const now = (await account.admin.request('GET', url(account))).json();
    expect(now.version).toBe(2);
    expect(now.technicalNonEmergencyContacts).toEqual(winner.technicalNonEmergencyContacts);
  });

  it('reports every problem at once and stores nothing', async () => {
    const account = await createAccountWithAdmin(t, operator, { integrations: ['ordering_redirect'] });
    const response = await account.admin.request('PUT', url(account), {
      alertContacts: [{ userId: 'u_stranger' }],
      technicalEmergencyContacts: [{ email: 'not-an-email' }, { email: 'x@y.example', phone: '12' }],
      technicalNonEmergencyContacts: Array.from({ length: 21 }, (_, i) => ({ email: `d${i}@partner.example` })),
      merchantIssueContacts: [{ email: 'merchants@partner.example' }],
      operationalContactsForPlatform: [{ email: 'a@partner.example' }, { email: 'A@partner.example' }],
      operationalContactForUsers: { email: 'help@brand.example', url: 'javascript:alert(1)' },
      operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Mars/Olympus', days: ['monday'], start: '18:00', end: '24:30' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string; code: string }) => `${d.path} ${d.code}`)).toEqual(
      expect.arrayContaining([
        'alertContacts.0.userId not_a_member',
        'technicalEmergencyContacts.0.email invalid_email',
        'technicalEmergencyContacts.1.phone invalid_phone',
        'technicalNonEmergencyContacts too_many',
        'merchantIssueContacts not_available',
        'operationalContactsForPlatform.1.email duplicate',
        'operationalContactForUsers.url invalid_url',
        'operationalSupport.windows.0.timeZone invalid_time_zone',
        'operationalSupport.windows.0.days.0 invalid_day',
        'operationalSupport.windows.0.end invalid_time',
      ]),
    );
    expect(await stored(account.id)).toBeUndefined();
  });

  it('lets alert contacts change only with env=production, and only to members', async () => {
    const account = await createAccountWithAdmin(t, operator);
    await account.admin.request('PUT', url(account), completeDocument(account.adminId));
    const editor = await addMember(t, account, 'editor');
    const withEditor = { ...completeDocument(account.adminId), alertContacts: [{ userId: account.adminId }, { userId: editor.userId }] };
    const sandbox = await account.admin.request('PUT', url(account, '?env=sandbox'), withEditor);
    expect(sandbox.statusCode).toBe(400);
    expect(sandbox.json().error.details).toEqual([{ path: 'alertContacts', code: 'production_only', message: expect.any(String) }]);
    // Other fields can be saved in Sandbox when the alert contacts are left as they are.
    const other = { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [{ email: 'sandbox-dev@partner.example' }] };
    expect((await account.admin.request('PUT', url(account, '?env=sandbox'), other)).statusCode).toBe(200);
    const production = await account.admin.request('PUT', url(account), withEditor);
    expect(production.statusCode).toBe(200);
    expect(production.json().alertContacts).toEqual([
      { userId: account.adminId, email: account.adminEmail, name: 'First Admin' },
      { userId: editor.userId, email: editor.email, name: expect.any(String) },
    ]);
    const bad = await account.admin.request('PUT', url(account, '?env=staging'), withEditor);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('querystring.env');
  });

  it('explains routing per category', async () => {
    const account = await createAccountWithAdmin(t, operator);
    await account.admin.request('PUT', url(account), completeDocument(account.adminId));
    const cases = {
      alert: [{ email: account.adminEmail, field: 'alertContacts' }],
      emergency: [{ email: 'oncall@partner.example', field: 'technicalEmergencyContacts' }],
      technical: [{ email: 'dev@partner.example', field: 'technicalNonEmergencyContacts' }],
      merchant_issue: [{ email: 'merchants@partner.example', field: 'merchantIssueContacts' }],
      user_escalation: [{ email: 'ops@partner.example', field: 'operationalContactsForPlatform' }],
    };
    for (const [category, recipients] of Object.entries(cases)) {
      const response = await account.admin.request('GET', url(account, `/routes?category=${category}`));
      expect(response.json()).toEqual({ category, recipients });
    }
    const unknown = await account.admin.request('GET', url(account, '/routes?category=gossip'));
    expect(unknown.statusCode).toBe(400);
  });

  it('removes a departing alert contact from the list (audited), but never the only one', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const editor = await addMember(t, account, 'editor');
    await account.admin.request('PUT', url(account), completeDocument(editor.userId));
    const sole = await account.admin.request('DELETE', `/api/v1/accounts/${account.id}/users/${editor.userId}`);
    expect(sole.statusCode).toBe(409);
    expect(sole.json().error.code).toBe('sole_alert_contact');

    const both = { ...completeDocument(editor.userId), alertContacts: [{ userId: editor.userId }, { userId: account.adminId }] };
    await account.admin.request('PUT', url(account), both);
    const removed = await account.admin.request('DELETE', `/api/v1/accounts/${account.id}/users/${editor.userId}`);
    expect(removed.statusCode).toBe(204);
    const now = (await account.admin.request('GET', url(account))).json();
    expect(now.alertContacts.map((c: { userId: string }) => c.userId)).toEqual([account.adminId]);
    const log = (await account.admin.request('GET', `/api/v1/accounts/${account.id}/audit-log`)).json().items;
    expect(log[0]).toMatchObject({ action: 'user.removed', actor: { id: account.adminId, name: 'First Admin' } });
    expect(log[1]).toMatchObject({
      action: 'contact_info.updated',
      changes: [
        {
          field: 'alertContacts',
          before: [
            { userId: editor.userId, email: editor.email },
            { userId: account.adminId, email: account.adminEmail },
          ].map((p) => expect.objectContaining(p)),
          after: [expect.objectContaining({ userId: account.adminId, email: account.adminEmail })],
        },
      ],
    });
  });

  it('audits every change with actor, time and per-field before and after', async () => {
    const account = await createAccountWithAdmin(t, operator);
    await account.admin.request('PUT', url(account), completeDocument(account.adminId));
    const editor = await addMember(t, account, 'editor');
    await editor.client.request('PUT', url(account), { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [{ email: 'dev2@partner.example' }] });
    // Saving the same document again changes nothing and logs nothing.
    const same = await editor.client.request('PUT', url(account), { ...completeDocument(account.adminId), technicalNonEmergencyContacts: [{ email: 'dev2@partner.example' }] });
    expect(same.json().version).toBe(2);
    await account.admin.request('PATCH', `/api/v1/accounts/${account.id}/users/${editor.userId}`, { role: 'viewer' });

    const log = (await operator.request('GET', `/api/v1/accounts/${account.id}/audit-log`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual([
      'user.role_changed',
      'contact_info.updated',
      'user.added',
      'contact_info.updated',
      'invitation.accepted',
      'user.invited',
      'account.created',
    ]);
    expect(log.items[0]).toEqual({
      at: expect.stringMatching(/Z$/),
      actor: { kind: 'user', id: account.adminId, name: 'First Admin' },
      action: 'user.role_changed',
      changes: [
        { field: 'user', before: editor.email, after: editor.email },
        { field: 'role', before: 'editor', after: 'viewer' },
      ],
    });
    expect(log.items[1]).toEqual({
      at: expect.any(String),
      actor: { kind: 'user', id: editor.userId, name: expect.any(String) },
      action: 'contact_info.updated',
      changes: [{ field: 'technicalNonEmergencyContacts', before: [{ email: 'dev@partner.example' }], after: [{ email: 'dev2@partner.example' }] }],
    });
    expect(log.items[3].changes.map((c: { field: string }) => c.field)).toEqual([
      'alertContacts',
      'technicalEmergencyContacts',
      'technicalNonEmergencyContacts',
      'merchantIssueContacts',
      'operationalContactsForPlatform',
      'operationalContactForUsers',
      'operationalSupport',
    ]);
    const paged = await operator.request('GET', `/api/v1/accounts/${account.id}/audit-log?limit=3`);
    const next = await operator.request('GET', `/api/v1/accounts/${account.id}/audit-log?limit=3&cursor=${paged.json().nextCursor}`);
    expect([...paged.json().items, ...next.json().items].map((e: { action: string }) => e.action)).toEqual(
      log.items.slice(0, 6).map((e: { action: string }) => e.action),
    );
  });
});
