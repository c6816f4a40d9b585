import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, PASSWORD, signInAs, type Client, type TestApp } from '../support/app';
import { addMember, createAccountWithAdmin, invitationToken, lastMailTo, uniqueEmail } from '../support/accounts';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('accounts, users and invitations on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', name: 'Olga Operator', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
  });
  afterAll(() => t.close());

  async function counts() {
    const count = async (table: 'accounts' | 'users' | 'memberships' | 'invitations' | 'deliveries') =>
      Number((await t.storage.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return {
      accounts: await count('accounts'),
      users: await count('users'),
      memberships: await count('memberships'),
      invitations: await count('invitations'),
      outbox: await count('deliveries'),
    };
  }

  it('lists the integration catalog', async () => {
    const response = await operator.request('GET', '/api/v1/integration-types');
    expect(response.statusCode).toBe(200);
    const items = response.json().items;
    expect(items.map((i: { type: string }) => i.type)).toEqual([
      'reservations_e2e',
      'reservations_waitlist',
      'appointments_e2e',
      'healthcare_appointments',
      'ordering_e2e',
      'ordering_redirect',
    ]);
    expect(items.find((i: { type: string }) => i.type === 'ordering_redirect').merchantIssueContacts).toBe(false);
    expect(items.find((i: { type: string }) => i.type === 'ordering_e2e')).toEqual({
      type: 'ordering_e2e',
      name: 'End-to-end ordering',
      merchantIssueContacts: true,
    });
    // Each name in the caller's language.
    const inHebrew = (await operator.request('GET', '/api/v1/integration-types', undefined, { 'accept-language': 'he' })).json().items;
    expect(inHebrew.find((i: { type: string }) => i.type === 'ordering_e2e').name).toBe('רכישה מקצה לקצה');
    const inPolish = (await operator.request('GET', '/api/v1/integration-types', undefined, { 'accept-language': 'pl' })).json().items;
    expect(inPolish.find((i: { type: string }) => i.type === 'ordering_e2e').name).toBe('Zamówienia end-to-end');
  });

  it('walks the invitation path: account created, email over SMTP, link accepted, admin signed in', async () => {
    const adminEmail = uniqueEmail('ana');
    const created = await operator.request('POST', '/api/v1/accounts', {
      name: '  Acme Bookings ',
      integrations: ['reservations_e2e', 'ordering_redirect'],
      adminEmail: ` ${adminEmail.toUpperCase()} `,
    });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account).toEqual({
      id: expect.stringMatching(/^a_/),
      name: 'Acme Bookings',
      integrations: [
        { type: 'reservations_e2e', status: 'enabled' },
        { type: 'ordering_redirect', status: 'enabled' },
      ],
      contactInfoComplete: false,
      language: 'en',
      missing: [
        'alertContacts',
        'technicalEmergencyContacts',
        'technicalNonEmergencyContacts',
        'merchantIssueContacts',
        'operationalContactsForPlatform',
        'operationalContactForUsers',
        'operationalSupport',
      ],
    });

    const mail = await lastMailTo(t, adminEmail);
    expect(mail.subject).toBe('Olga Operator invited you to Acme Bookings on Liaison');
    expect(mail.text).toContain('as Admin');
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    const token = invitationToken(mail);
    expect(mail.text).toContain(`http://localhost:3000/invite/${token}`);

    // The person is listed as invited until they accept.
    const before = await operator.request('GET', `/api/v1/accounts/${account.id}/users`);
    expect(before.json().items).toEqual([{ userId: expect.any(String), email: adminEmail, name: '', role: 'admin', status: 'invited' }]);

    const info = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(info.json()).toEqual({
      email: adminEmail,
      accountId: account.id,
      accountName: 'Acme Bookings',
      existingUser: false,
      expiresAt: expect.any(String),
      role: 'admin',
      invitedBy: { name: expect.any(String), email: expect.any(String) },
    });
    const days = (Date.parse(info.json().expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/invitations/${token}/accept`,
      payload: { name: 'Ana Admin', password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      user: { email: adminEmail, name: 'Ana Admin' },
      isOperator: false,
      memberships: [{ accountId: account.id, accountName: 'Acme Bookings', role: 'admin' }],
    });
    expect(accepted.cookies[0]).toMatchObject({ name: 'liaison_session', httpOnly: true, sameSite: 'Lax' });
    const session = await t.app.inject({
      method: 'GET',
      url: '/api/v1/session',
      cookies: { liaison_session: accepted.cookies[0]!.value },
    });
    expect(session.statusCode).toBe(200);

    // The link is used up; the person now signs in with the password they chose.
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'X', password: PASSWORD } });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');
    const admin = await signInAs(t, adminEmail);
    const users = await admin.request('GET', `/api/v1/accounts/${account.id}/users`);
    expect(users.json().items[0]).toMatchObject({ name: 'Ana Admin', status: 'active' });
  });

  it('answers 410 invitation_expired after 7 days and 404 for unknown links', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const email = uniqueEmail('late');
    await account.admin.request('POST', `/api/v1/accounts/${account.id}/users`, { email, role: 'editor' });
    const token = invitationToken(await lastMailTo(t, email));
    await t.storage.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const expired = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: { name: 'L', password: PASSWORD } });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('invitation_expired');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode).toBe(410);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/invitations/not-a-token/accept', payload: { name: 'L', password: PASSWORD } });
    expect(unknown.statusCode).toBe(404);

    // A resent link works again, and the old one stays dead.
    const user = (await account.admin.request('GET', `/api/v1/accounts/${account.id}/users`)).json().items.find((u: { email: string }) => u.email === email);
    const resent = await account.admin.request('POST', `/api/v1/accounts/${account.id}/users/${user.userId}/invitation`);
    expect(resent.statusCode).toBe(202);
    const fresh = invitationToken(await lastMailTo(t, email));
    expect(fresh).not.toBe(token);
    const ok = await t.app.inject({ method: 'POST', url: `/api/v1/invitations/${fresh}/accept`, payload: { name: 'Late Comer', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect((await account.admin.request('POST', `/api/v1/accounts/${account.id}/users/${user.userId}/invitation`)).statusCode).toBe(409);
  });

  it('gives an existing user the membership directly, with a notice by email', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const email = uniqueEmail('existing');
    await createUser(t, { email, name: 'Existing Person' });
    const response = await account.admin.request('POST', `/api/v1/accounts/${account.id}/users`, { email, role: 'viewer' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ userId: expect.any(String), email, name: 'Existing Person', role: 'viewer', status: 'active' });
    const mail = await lastMailTo(t, email);
    expect(mail.subject).toBe(`You now have access to ${account.name} on Liaison`);
    expect(mail.text).not.toContain('/invite/');
    const session = await (await signInAs(t, email)).request('GET', '/api/v1/session');
    expect(session.json().memberships).toEqual([{ accountId: account.id, accountName: account.name, role: 'viewer' }]);
  });

  it('lists accounts: all for operators (with the completeness filter), their own for partners', async () => {
    const a = await createAccountWithAdmin(t, operator, { name: 'Zeta Partner' });
    await createAccountWithAdmin(t, operator, { name: 'Yankee Partner' });
    const all = await operator.request('GET', '/api/v1/accounts?limit=200');
    expect(all.json().items.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['Zeta Partner', 'Yankee Partner']));
    const incomplete = await operator.request('GET', '/api/v1/accounts?contactInfo=incomplete&limit=200');
    expect(incomplete.json().items.length).toBe(all.json().items.length);
    const complete = await operator.request('GET', '/api/v1/accounts?contactInfo=complete');
    expect(complete.json()).toEqual({ items: [], nextCursor: null });
    const own = await a.admin.request('GET', '/api/v1/accounts');
    expect(own.json()).toEqual({
      items: [{ id: a.id, name: 'Zeta Partner', integrations: [{ type: 'reservations_e2e', status: 'enabled' }], contactInfoComplete: false, failingDeliveries: 0 }],
      nextCursor: null,
    });
  });

  it('pages accounts by name with a cursor', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const response: { json(): { items: { name: string }[]; nextCursor: string | null } } = await operator.request(
        'GET',
        `/api/v1/accounts?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = response.json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      names.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await operator.request('GET', '/api/v1/accounts?limit=200')).json().items.map((i: { name: string }) => i.name);
    expect(names).toEqual(all);
    expect([...names].sort()).toEqual(names);
  });

  it('keeps an admin: demoting or removing the last one is 409 last_admin', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const demote = await account.admin.request('PATCH', `/api/v1/accounts/${account.id}/users/${account.adminId}`, { role: 'editor' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('last_admin');
    const remove = await account.admin.request('DELETE', `/api/v1/accounts/${account.id}/users/${account.adminId}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.code).toBe('last_admin');

    const second = await addMember(t, account, 'admin');
    const ok = await account.admin.request('PATCH', `/api/v1/accounts/${account.id}/users/${account.adminId}`, { role: 'viewer' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ userId: account.adminId, role: 'viewer' });
    // The demoted admin can no longer manage users.
    const forbidden = await account.admin.request('DELETE', `/api/v1/accounts/${account.id}/users/${second.userId}`);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('forbidden');
    const removed = await second.client.request('DELETE', `/api/v1/accounts/${account.id}/users/${account.adminId}`);
    expect(removed.statusCode).toBe(204);
    expect((await account.admin.request('GET', `/api/v1/accounts/${account.id}`)).statusCode).toBe(404);
  });

  it('never loses the last admin to two concurrent demotions', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const second = await addMember(t, account, 'admin');
    const [a, b] = await Promise.all([
      account.admin.request('PATCH', `/api/v1/accounts/${account.id}/users/${second.userId}`, { role: 'editor' }),
      second.client.request('PATCH', `/api/v1/accounts/${account.id}/users/${account.adminId}`, { role: 'editor' }),
    ]);
    // One wins. The other is refused: 409 last_admin if it reached the lock first, or 403 if the
    // winner's commit had already made its caller an editor by the time it was authorized.
    const [won, lost] = [a.statusCode, b.statusCode].sort();
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const admins = (await operator.request('GET', `/api/v1/accounts/${account.id}/users`)).json().items.filter((u: { role: string }) => u.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('refuses bad input with 4xx and the API codes, changing nothing', async () => {
    const account = await createAccountWithAdmin(t, operator);
    const users = `/api/v1/accounts/${account.id}/users`;
    const existing = uniqueEmail('dup');
    await account.admin.request('POST', users, { email: existing, role: 'editor' });
    await t.deliverMail();
    const before = await counts();
    const cases: [Client, string, string, unknown, number, string, { path: string; code: string }?][] = [
      [operator, 'POST', '/api/v1/accounts', { name: 'X', integrations: ['teleportation'], adminEmail: uniqueEmail('x') }, 400, 'validation_failed', { path: 'integrations.0', code: 'unknown_integration_type' }],
      [operator, 'POST', '/api/v1/accounts', { name: 'X', integrations: ['ordering_e2e', 'ordering_e2e'], adminEmail: uniqueEmail('x') }, 400, 'validation_failed', { path: 'integrations.1', code: 'duplicate' }],
      [operator, 'POST', '/api/v1/accounts', { name: 'X', integrations: [], adminEmail: uniqueEmail('x') }, 400, 'validation_failed', { path: 'integrations', code: 'required' }],
      [operator, 'POST', '/api/v1/accounts', { name: 'X', integrations: ['ordering_e2e'], adminEmail: 'not-an-email' }, 400, 'validation_failed', { path: 'adminEmail', code: 'invalid_email' }],
      [operator, 'POST', '/api/v1/accounts', { name: 'x'.repeat(10_000), integrations: ['ordering_e2e'], adminEmail: uniqueEmail('x') }, 400, 'validation_failed', { path: 'name', code: 'too_long' }],
      [operator, 'POST', '/api/v1/accounts', { name: '   ', integrations: ['ordering_e2e'], adminEmail: uniqueEmail('x') }, 400, 'validation_failed', { path: 'name', code: 'required' }],
      [operator, 'POST', '/api/v1/accounts', { integrations: ['ordering_e2e'], adminEmail: uniqueEmail('x') }, 400, 'validation_failed', { path: 'name', code: 'required' }],
      [account.admin, 'POST', '/api/v1/accounts', { name: 'Mine', integrations: ['ordering_e2e'], adminEmail: uniqueEmail('x') }, 404, 'not_found'],
      [account.admin, 'POST', users, { email: 'a@b', role: 'editor' }, 400, 'validation_failed', { path: 'email', code: 'invalid_email' }],
      [account.admin, 'POST', users, { email: 'a\r\nBcc: x@evil.example', role: 'editor' }, 400, 'validation_failed', { path: 'email', code: 'invalid_email' }],
      [account.admin, 'POST', users, { email: uniqueEmail('y'), role: 'owner' }, 400, 'validation_failed', { path: 'role', code: 'invalid_value' }],
      [account.admin, 'POST', users, { email: uniqueEmail('y'), role: 'editor', name: 'n'.repeat(10_000) }, 400, 'validation_failed', { path: 'name', code: 'too_long' }],
      [account.admin, 'POST', users, { email: existing.toUpperCase(), role: 'viewer' }, 409, 'already_member'],
      [account.admin, 'POST', users, { email: account.adminEmail, role: 'viewer' }, 409, 'already_member'],
      [account.admin, 'PATCH', `${users}/${account.adminId}`, { role: 'superuser' }, 400, 'validation_failed', { path: 'role', code: 'invalid_value' }],
      [account.admin, 'PATCH', `${users}/u_nobody`, { role: 'viewer' }, 404, 'not_found'],
      [account.admin, 'DELETE', `${users}/u_nobody`, undefined, 404, 'not_found'],
      [account.admin, 'POST', users, { email: 'nul\u0000@example.com', role: 'editor' }, 400, 'validation_failed', { path: 'email', code: 'invalid_value' }],
    ];
    for (const [client, method, url, body, status, code, detail] of cases) {
      const response = await client.request(method, url, body);
      expect(response.statusCode, `${method} ${url} ${String(JSON.stringify(body)).slice(0, 80)}`).toBe(status);
      expect(response.json().error.code).toBe(code);
      if (detail) expect(response.json().error.details).toContainEqual(expect.objectContaining(detail));
    }
    // Nothing was written: no account, user, membership, invitation or queued email.
    expect(await counts()).toEqual(before);
  });
});
