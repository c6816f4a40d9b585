import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, FIELD_OF_CATEGORY, type Category } from '../../src/domain/routing';
import { addMember, completeDocument, createAccountWithAdmin, uniqueEmail, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

/** Distinct addresses per field, so a category reaching anyone else shows. */
function routedDocument(alertUserId: string, tag: string) {
  return {
    ...completeDocument(alertUserId),
    technicalEmergencyContacts: [{ email: `oncall.${tag}@partner.example`, locale: 'pl' }, { email: `cto.${tag}@partner.example` }],
    technicalNonEmergencyContacts: [{ email: `dev.${tag}@partner.example` }],
    merchantIssueContacts: [{ email: `merchants.${tag}@partner.example`, locale: 'he' }],
    operationalContactsForPlatform: [{ email: `ops.${tag}@partner.example` }],
  };
}

describe.each(DIALECTS)('notifications on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;
  let doc: ReturnType<typeof routedDocument>;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', name: 'Olga Operator', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Bookings' });
    doc = routedDocument(account.adminId, account.id.slice(2, 10).toLowerCase());
    const saved = await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, doc);
    expect(saved.statusCode, saved.body).toBe(200);
    const created = await operator.request('POST', '/api/v1/operator/service-tokens', { name: 'Monitoring' });
    expect(created.statusCode, created.body).toBe(201);
    token = created.json().token;
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const raise = (body: object, accountId = account.id, bearer = token) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${accountId}/notifications`,
      headers: { authorization: `Bearer ${bearer}` },
      payload: body,
    });

  /** Delivers what is queued and returns the notifications that arrived since `since` messages (not people's sign-in notices). */
  async function deliveredSince(since: number) {
    // Contact confirmations (queued by saving contact information) are covered in contact-health.test.ts.
    return (await t.deliverMail())
      .slice(since)
      .filter((mail) => !mail.subject.startsWith('New sign-in to your Liaison account') && !mail.subject.startsWith('Confirm that you read this address'));
  }

  const expectedRecipients = (category: Category): string[] => {
    switch (category) {
      case 'alert':
        return [account.adminEmail];
      case 'emergency':
        return doc.technicalEmergencyContacts.map((c) => c.email);
      case 'technical':
        return doc.technicalNonEmergencyContacts.map((c) => c.email);
      case 'merchant_issue':
        return doc.merchantIssueContacts.map((c) => c.email);
      case 'user_escalation':
        return doc.operationalContactsForPlatform.map((c) => c.email);
    }
  };

  it.each(CATEGORIES)('delivers %s to exactly its field over SMTP, once each', async (category) => {
    const before = t.inbox.length;
    const response = await raise({ category, env: 'production', title: `Check ${category}`, body: 'Line one\nLine two' });
    expect(response.statusCode, response.body).toBe(202);
    const accepted = response.json();
    expect(accepted).toMatchObject({ status: 'queued', deduplicated: false });
    expect(accepted.recipients).toEqual(expectedRecipients(category).map((email) => ({ email, field: FIELD_OF_CATEGORY[category] })));

    const arrived = await deliveredSince(before);
    expect(arrived.flatMap((m) => m.envelopeTo).sort()).toEqual(expectedRecipients(category).sort());
    for (const mail of arrived) {
      expect(mail.headers['auto-submitted']).toBe('auto-generated');
      expect(mail.text).toContain('Line one\nLine two');
      expect(mail.text).toContain(`/accounts/${account.id}/notifications`);
    }
    const list = await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?category=${category}`);
    const item = list.json().items.find((n: { id: string }) => n.id === accepted.id);
    expect(item.deliveries.map((d: { status: string }) => d.status)).toEqual(expectedRecipients(category).map(() => 'sent'));
    expect(item.deliveries.every((d: { attempts: number; sentAt: string | null }) => d.attempts === 1 && d.sentAt !== null)).toBe(true);
  });

  it('writes each email in its reader\'s language, says why they get it, and shows caller text as text', async () => {
    const before = t.inbox.length;
    const title = '<script>alert(1)</script> Orders failing';
    const response = await raise({ category: 'emergency', env: 'production', title, body: '<b>not bold</b>' });
    expect(response.statusCode).toBe(202);
    const arrived = await deliveredSince(before);
    const polish = arrived.find((m) => m.envelopeTo[0]!.startsWith('oncall.'))!;
    const english = arrived.find((m) => m.envelopeTo[0]!.startsWith('cto.'))!;
    expect(english.subject).toBe(`[Emergency] Acme Bookings: ${title}`);
    expect(polish.subject).toContain('Acme Bookings');
    expect(polish.subject).not.toContain('[Emergency]');
    expect(english.text).toContain('listed under "Technical emergency contacts" for Acme Bookings');
    expect(english.html).not.toContain('<script>');
    expect(english.html).toContain('&#60;script&#62;');
    expect(english.html).toContain('&#60;b&#62;not bold&#60;/b&#62;');
  });

  it('refuses alerts for Sandbox (422 production_only), an empty route (422 no_route) and unknown categories (400), writing nothing', async () => {
    const count = async () => (await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=200`)).json().items.length;
    const before = await count();
    const sandbox = await raise({ category: 'alert', env: 'sandbox', title: 'x' });
    expect(sandbox.statusCode).toBe(422);
    expect(sandbox.json().error.code).toBe('production_only');

    const noMerchants = await createAccountWithAdmin(t, operator, { integrations: ['healthcare_appointments'] });
    await noMerchants.admin.request('PUT', `/api/v1/accounts/${noMerchants.id}/contact-info`, completeDocument(noMerchants.adminId, { merchant: false }));
    const noRoute = await raise({ category: 'merchant_issue', env: 'production', title: 'x' }, noMerchants.id);
    expect(noRoute.statusCode).toBe(422);
    expect(noRoute.json().error.code).toBe('no_route');

    const unknown = await raise({ category: 'gossip', env: 'production', title: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'category', code: 'invalid_value' }] });
    for (const body of [{ category: 'technical' }, { category: 'technical', title: '' }, { category: 'technical', title: 'a\nb' }, { category: 'technical', title: 'x', extra: 1 }]) {
      expect((await raise(body)).statusCode).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  it('counts a repeated dedup key within the window and sends nothing new', async () => {
    const before = t.inbox.length;
    const body = { category: 'technical', env: 'production', title: 'Feed errors', dedupKey: `feed-${dialect}` };
    const first = await raise(body);
    const again = await Promise.all([raise(body), raise(body)]);
    expect(first.json().deduplicated).toBe(false);
    for (const repeat of again) {
      expect(repeat.statusCode).toBe(202);
      expect(repeat.json()).toMatchObject({ id: first.json().id, deduplicated: true, recipients: first.json().recipients });
    }
    expect(await deliveredSince(before)).toHaveLength(1);
    const list = await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?category=technical`);
    expect(list.json().items.find((n: { id: string }) => n.id === first.json().id).occurrences).toBe(3);
  });

  it('lets service tokens raise notifications only: no CSRF token, scoped, revocable, last use recorded', async () => {
    const other = await createAccountWithAdmin(t, operator);
    await other.admin.request('PUT', `/api/v1/accounts/${other.id}/contact-info`, completeDocument(other.adminId));
    const scoped = (await operator.request('POST', '/api/v1/operator/service-tokens', { name: 'Orders of one', accountId: account.id })).json();
    expect(scoped.token).toMatch(/^lsn_/);
    const note = { category: 'technical', env: 'production', title: 'Scoped' };
    expect((await raise(note, account.id, scoped.token)).statusCode).toBe(202);
    expect((await raise(note, other.id, scoped.token)).statusCode).toBe(404);
    expect((await raise(note, other.id)).statusCode).toBe(202);

    // A token reads nothing and manages nothing.
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/accounts/${account.id}/notifications`, headers: { authorization: `Bearer ${token}` } });
    expect(read.statusCode).toBe(403);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(session.statusCode).toBe(403);

    const listed = (await operator.request('GET', '/api/v1/operator/service-tokens')).json().items;
    expect(listed.find((s: { id: string }) => s.id === scoped.id)).toMatchObject({ name: 'Orders of one', accountId: account.id, revokedAt: null });
    expect(listed.find((s: { id: string }) => s.id === scoped.id).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(scoped.token);

    expect((await operator.request('DELETE', `/api/v1/operator/service-tokens/${scoped.id}`)).statusCode).toBe(204);
    const revoked = await raise(note, account.id, scoped.token);
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().error.code).toBe('unauthenticated');
    expect((await raise(note, account.id, 'lsn_not-a-token')).statusCode).toBe(401);
    expect((await operator.request('DELETE', `/api/v1/operator/service-tokens/${scoped.id}`)).statusCode).toBe(404);
  });

  it('keeps raising notifications from partner users (403 for members, 404 for outsiders) and service tokens from partners', async () => {
    const body = { category: 'technical', env: 'production', title: 'x' };
    const member = await account.admin.request('POST', `/api/v1/accounts/${account.id}/notifications`, body);
    expect(member.statusCode).toBe(403);
    const outsider = await createAccountWithAdmin(t, operator);
    expect((await outsider.admin.request('POST', `/api/v1/accounts/${account.id}/notifications`, body)).statusCode).toBe(404);
    expect((await account.admin.request('POST', '/api/v1/operator/service-tokens', { name: 'mine' })).statusCode).toBe(404);
    const asOperator = await operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, body);
    expect(asOperator.statusCode).toBe(202);
  });

  it('sends an emergency when an operator disables an integration, and a technical notice when it is enabled; both audited', async () => {
    const before = (await t.deliverMail()).length;
    const url = `/api/v1/accounts/${account.id}/integrations/reservations_e2e`;
    expect((await operator.request('POST', `${url}/disable`, {})).statusCode).toBe(400);
    expect((await account.admin.request('POST', `${url}/disable`, { reason: 'x' })).statusCode).toBe(403);
    expect((await operator.request('POST', `/api/v1/accounts/${account.id}/integrations/teleportation/disable`, { reason: 'x' })).statusCode).toBe(404);

    const disabled = await operator.request('POST', `${url}/disable`, { reason: 'Orders were not honoured' });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().integrations).toEqual([{ type: 'reservations_e2e', status: 'disabled' }]);
    let arrived = await deliveredSince(before);
    expect(arrived.flatMap((m) => m.envelopeTo).sort()).toEqual(expectedRecipients('emergency').sort());
    const english = arrived.find((m) => m.envelopeTo[0]!.startsWith('cto.'))!;
    expect(english.subject).toBe('[Emergency] Acme Bookings: Integration disabled: End-to-end reservations');
    expect(english.text).toContain('Reason given: Orders were not honoured');

    const enabled = await operator.request('POST', `${url}/enable`);
    expect(enabled.statusCode, enabled.body).toBe(200);
    arrived = await deliveredSince(before + arrived.length);
    expect(arrived.flatMap((m) => m.envelopeTo)).toEqual(expectedRecipients('technical'));
    const log = (await operator.request('GET', `/api/v1/accounts/${account.id}/audit-log`)).json().items;
    expect(log[0]).toMatchObject({ action: 'integration.enabled', actor: { kind: 'user', name: 'Olga Operator' } });
    expect(log[1]).toMatchObject({
      action: 'integration.disabled',
      changes: [
        { field: 'integrations.reservations_e2e', before: 'enabled', after: 'disabled' },
        { field: 'reason', before: null, after: 'Orders were not honoured' },
      ],
    });
  });

  it('sends real test notifications marked as a test, from admins and editors only, rate limited', async () => {
    const editor = await addMember(t, account, 'editor');
    const viewer = await addMember(t, account, 'viewer');
    const url = `/api/v1/accounts/${account.id}/contact-info/test`;
    expect((await viewer.client.request('POST', url, { category: 'technical' })).statusCode).toBe(403);
    // The new members' "You now have access" emails first, so they cannot arrive in the count below.
    await t.deliverMail();
    const before = t.inbox.length;
    const sent = await editor.client.request('POST', url, { category: 'technical' });
    expect(sent.statusCode, sent.body).toBe(202);
    const [mail] = await deliveredSince(before);
    expect(mail!.subject).toBe('[Test] [Technical] Acme Bookings: Test notification');
    expect(mail!.text).toContain('This is a test');
    const listed = (await editor.client.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=1`)).json().items[0];
    expect(listed).toMatchObject({ id: sent.json().id, test: true, createdBy: { kind: 'user' } });

    let last = sent;
    for (let i = 0; i < 10 && last.statusCode === 202; i++) last = await account.admin.request('POST', url, { category: 'emergency' });
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lists notifications newest first, filtered by category and delivery status, paged', async () => {
    const page1 = (await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items[0].createdAt <= page1.items[1].createdAt).toBe(true);
    expect(page2.items.map((n: { id: string }) => n.id)).not.toContain(page1.items[0].id);
    const failed = (await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?status=failed`)).json();
    expect(failed.items).toEqual([]);
    const sent = (await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?status=sent&category=emergency&limit=200`)).json();
    expect(sent.items.length).toBeGreaterThan(0);
    expect(sent.items.every((n: { category: string }) => n.category === 'emergency')).toBe(true);
    expect((await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?status=lost`)).statusCode).toBe(400);
    expect((await operator.request('GET', `/api/v1/accounts/${account.id}/notifications?cursor=garbage`)).statusCode).toBe(400);
  });

  it('reports deliveries by status, the queue and the time to send in /metrics', async () => {
    await raise({ category: 'technical', env: 'production', title: 'Waiting in the queue' });
    let body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).toMatch(/^liaison_delivery_queue_depth [1-9]\d*$/m);
    expect(body).toMatch(/^liaison_delivery_oldest_due_age_seconds \d/m);
    await t.deliverMail();
    body = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(body).toMatch(/^liaison_delivery_queue_depth 0$/m);
    expect(body).toMatch(/^liaison_deliveries\{status="sent"\} [1-9]\d*$/m);
    expect(body).toMatch(/^liaison_delivery_attempts_total\{outcome="sent"\} [1-9]\d*$/m);
    expect(body).toMatch(/^liaison_delivery_accepted_to_sent_seconds_count [1-9]\d*$/m);
  });

  it('hides one account\'s notifications from another account\'s users (404)', async () => {
    const outsider = await createAccountWithAdmin(t, operator);
    await outsider.admin.request('PUT', `/api/v1/accounts/${outsider.id}/contact-info`, completeDocument(outsider.adminId));
    expect((await outsider.admin.request('GET', `/api/v1/accounts/${account.id}/notifications`)).statusCode).toBe(404);
    expect((await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications`)).statusCode).toBe(200);
    expect(uniqueEmail('x')).toContain('@');
  });
});
