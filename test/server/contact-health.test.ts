import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../src/mail/catcher';
import { completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

/**
 * Contact health over real SMTP: confirmation emails and links (a GET confirms nothing), bounces
 * from a catcher that answers 550 for one address, recovery, the emergency fallback.
 */
describe.each(DIALECTS)('contact health on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;
  let serviceToken: string;
  const dead = `dead.${dialect}@partner.example`;
  const pager = `pager.${dialect}@partner.example`;
  const ops = `ops.${dialect}@partner.example`;
  const operatorEmail = `olga.${dialect}@liaison.test`;
  /** Addresses the catcher answers 550 (emptied later: the mailbox comes back). */
  const refuse = [dead];

  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { refuse });
    await createUser(t, { email: operatorEmail, name: 'Olga Operator', isOperator: true });
    operator = await signInAs(t, operatorEmail);
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Bookings' });
    serviceToken = (await operator.request('POST', '/api/v1/operator/service-tokens', { name: 'Monitoring' })).json().token;
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const contactInfoUrl = () => `/api/v1/accounts/${account.id}/contact-info`;
  const read = async () => {
    const response = await account.admin.request('GET', contactInfoUrl());
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const save = async (changes: Record<string, unknown>) => {
    const response = await account.admin.request('PUT', contactInfoUrl(), { ...completeDocument(account.adminId), ...changes });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const stateOf = (view: { contactHealth: { field: string; email: string; state: string }[] }, email: string, field = 'technicalEmergencyContacts') =>
    view.contactHealth.find((c) => c.email === email && c.field === field)?.state;
  const mailSince = async (since: number) => (await t.deliverMail()).slice(since);
  const tokenIn = (mail: CaughtMail) => {
    const match = /\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no confirmation link in: ${mail.text}`);
    return match[1]!;
  };

  it('sends each new address a confirmation email in its language, and lists every address as unconfirmed', async () => {
    const since = t.inbox.length;
    const view = await save({ technicalEmergencyContacts: [{ email: pager, locale: 'pl' }], operationalContactsForPlatform: [{ email: ops, locale: 'he' }] });
    expect(stateOf(view, pager)).toBe('unconfirmed');
    expect(stateOf(view, ops, 'operationalContactsForPlatform')).toBe('unconfirmed');
    expect(stateOf(view, 'dev@partner.example', 'technicalNonEmergencyContacts')).toBe('unconfirmed');
    // Existing fields stay exactly as they were.
    expect(view.technicalEmergencyContacts).toEqual([{ email: pager, locale: 'pl' }]);
    expect(view.review).toMatchObject({ stale: false, staleSince: null });

    const mails = await mailSince(since);
    const toPager = mails.filter((m) => m.envelopeTo.includes(pager));
    expect(toPager).toHaveLength(1);
    expect(toPager[0]!.subject).toContain('Acme Bookings');
    expect(toPager[0]!.text).toContain('Kontakty techniczne w sytuacjach awaryjnych');
    const toOps = mails.find((m) => m.envelopeTo.includes(ops))!;
    expect(toOps.html).toContain('dir="rtl"');
    // Every listed address got one: emergency, non-emergency, merchant issues, platform.
    expect(mails.filter((m) => /\/confirm\//.test(m.text)).map((m) => m.envelopeTo[0]).sort()).toEqual(
      [pager, 'dev@partner.example', 'merchants@partner.example', ops].sort(),
    );
  });

  it('a GET of the confirmation link confirms nothing; the POST confirms; an unknown token is 404', async () => {
    const mail = t.inbox.filter((m) => m.envelopeTo.includes(pager)).at(-1)!;
    const token = tokenIn(mail);
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/contact-confirmations/${token}` });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ accountName: 'Acme Bookings', email: pager, field: 'technicalEmergencyContacts', state: 'unconfirmed', confirmedNow: false });
    // The web page a scanner would fetch is the SPA; still nothing changed.
    await t.app.inject({ method: 'GET', url: `/confirm/${token}` });
    expect(stateOf(await read(), pager)).toBe('unconfirmed');

    const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/contact-confirmations/${token}` });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', confirmedNow: true });
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/contact-confirmations/${token}` });
    expect(again.json()).toMatchObject({ state: 'confirmed', confirmedNow: false });
    const view = await read();
    expect(stateOf(view, pager)).toBe('confirmed');
    // The read says when, in the same ISO 8601 UTC shape on both databases.
    const entry = view.contactHealth.find((c: { email: string; field: string }) => c.email === pager && c.field === 'technicalEmergencyContacts');
    expect(entry.confirmedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(entry.bouncingSince).toBeNull();
    // Single purpose: the same address under another field is not confirmed by it.
    expect(stateOf(view, ops, 'operationalContactsForPlatform')).toBe('unconfirmed');

    for (const bad of ['nope', 'x'.repeat(40), `${'a'.repeat(129)}`]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/contact-confirmations/${bad}` });
      expect([400, 404]).toContain(response.statusCode);
      expect(response.json().error.code).toMatch(/not_found|validation_failed/);
    }
  });

  it('resends a confirmation (a fresh link); an address not listed is 422 not_listed; bad input is 400', async () => {
    const since = t.inbox.length;
    const resent = await account.admin.request('POST', `${contactInfoUrl()}/confirmations`, { field: 'operationalContactsForPlatform', email: ops.toUpperCase() });
    expect(resent.statusCode, resent.body).toBe(202);
    const mails = await mailSince(since);
    expect(mails.filter((m) => m.envelopeTo.includes(ops))).toHaveLength(1);

    const unlisted = await account.admin.request('POST', `${contactInfoUrl()}/confirmations`, { field: 'technicalEmergencyContacts', email: ops });
    expect(unlisted.statusCode).toBe(422);
    expect(unlisted.json().error.code).toBe('not_listed');
    const bad = await account.admin.request('POST', `${contactInfoUrl()}/confirmations`, { field: 'alertContacts', email: ops });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');

    // Three resends to one address within the hour, then 429 and no email.
    for (let i = 0; i < 2; i++) {
      expect((await account.admin.request('POST', `${contactInfoUrl()}/confirmations`, { field: 'operationalContactsForPlatform', email: ops })).statusCode).toBe(202);
    }
    await t.deliverMail();
    const before = t.inbox.length;
    const limited = await account.admin.request('POST', `${contactInfoUrl()}/confirmations`, { field: 'operationalContactsForPlatform', email: ops });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await mailSince(before)).filter((m) => m.envelopeTo.includes(ops) && /confirm/i.test(m.text))).toHaveLength(0);
  });

  it('a 550 marks the address bouncing, says so in the delivery log, tells admins and operators once; emergencies then also reach the admins', async () => {
    let since = t.inbox.length;
    await save({ technicalEmergencyContacts: [{ email: dead }], operationalContactsForPlatform: [{ email: ops, locale: 'he' }] });
    await t.deliverMail();
    let view = await read();
    expect(stateOf(view, dead)).toBe('bouncing');
    expect(view.contactHealth.find((c: { email: string }) => c.email === dead).lastBounce).toMatch(/550|mailbox unavailable/);
    let mails = await mailSince(since);
    const toAdmin = mails.filter((m) => m.envelopeTo.includes(account.adminEmail) && m.subject.includes(dead));
    const toOperator = mails.filter((m) => m.envelopeTo.includes(operatorEmail) && m.subject.includes(dead));
    expect(toAdmin).toHaveLength(1);
    expect(toOperator).toHaveLength(1);
    expect(toAdmin[0]!.text).toContain('mailbox unavailable');
    // The previous emergency contact was told of the change (tamper guard).
    const notice = mails.find((m) => m.envelopeTo.includes(pager) && m.text.includes('/audit-log'));
    expect(notice?.text).toContain('First Admin');
    expect(notice?.text).toContain(dead);

    // An emergency: the dead address fails again (no new notices), the admin receives it, with the reason in the recipients.
    since = t.inbox.length;
    const raised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/notifications`,
      headers: { authorization: `Bearer ${serviceToken}` },
      payload: { category: 'emergency', env: 'production', title: 'Payments down' },
    });
    expect(raised.statusCode, raised.body).toBe(202);
    expect(raised.json().recipients).toEqual([
      { email: dead, field: 'technicalEmergencyContacts' },
      { email: account.adminEmail, field: 'technicalEmergencyContacts', reason: 'emergencyContactsBouncing' },
    ]);
    mails = await mailSince(since);
    expect(mails.filter((m) => m.subject.includes(dead))).toHaveLength(0);
    expect(mails.find((m) => m.envelopeTo.includes(account.adminEmail))?.text).toContain('bounces');
    const log = await account.admin.request('GET', `/api/v1/accounts/${account.id}/notifications`);
    const delivery = log.json().items[0].deliveries.find((d: { email: string }) => d.email === dead);
    expect(delivery).toMatchObject({ status: 'failed' });
    expect(delivery.lastError).toMatch(/^address marked bouncing: /);

    view = await read();
    expect(stateOf(view, dead)).toBe('bouncing');

    // Operators: the accounts list, the dashboard and the CSV export carry the counts.
    const list = await operator.request('GET', '/api/v1/accounts?limit=200');
    const item = list.json().items.find((a: { id: string }) => a.id === account.id);
    expect(item.contactHealth).toEqual({ bouncing: 1, unconfirmed: 3, stale: false });
    const dashboard = (await operator.request('GET', '/api/v1/operator/dashboard')).json();
    expect(dashboard.contactHealth).toMatchObject({ bouncingAccounts: 1, staleAccounts: 0 });
    const csv = (await operator.request('GET', '/api/v1/operator/accounts.csv')).body.split('\r\n');
    expect(csv[0]).toMatch(/,contactsBouncing,contactsUnconfirmed,contactInfoStale$/);
    expect(csv.find((line) => line.startsWith(account.id))).toMatch(/,1,3,no$/);
  });

  it('a later successful delivery (the mailbox is back) brings the bouncing address back to confirmed', async () => {
    // The catcher accepts the address again, as a mail server does once the mailbox is restored.
    refuse.splice(0, refuse.length);
    const since = t.inbox.length;
    const raised = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/notifications`,
      headers: { authorization: `Bearer ${serviceToken}` },
      payload: { category: 'emergency', env: 'production', title: 'Payments down again' },
    });
    expect(raised.statusCode, raised.body).toBe(202);
    // Still bouncing when raised: the admin gets it too.
    expect(raised.json().recipients).toHaveLength(2);
    const mails = await mailSince(since);
    expect(mails.filter((m) => m.envelopeTo.includes(dead))).toHaveLength(1);
    const view = await read();
    expect(stateOf(view, dead)).toBe('confirmed');
    expect(view.contactHealth.find((c: { email: string }) => c.email === dead).bouncingSince).toBeNull();
    // From now on the emergency goes to its contact only.
    const next = await t.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.id}/notifications`,
      headers: { authorization: `Bearer ${serviceToken}` },
      payload: { category: 'emergency', env: 'production', title: 'Payments down a third time' },
    });
    expect(next.json().recipients).toEqual([{ email: dead, field: 'technicalEmergencyContacts' }]);
  });

  it("another tenant's admin gets 404 from this account's health endpoints", async () => {
    const other = await createAccountWithAdmin(t, operator, { name: 'Other Co' });
    const foreign = await other.admin.request('POST', `${contactInfoUrl()}/confirmations`, { field: 'technicalEmergencyContacts', email: dead });
    expect(foreign.statusCode).toBe(404);
    const review = await other.admin.request('POST', `${contactInfoUrl()}/review`);
    expect(review.statusCode).toBe(404);
  });
});
