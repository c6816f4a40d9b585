import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaughtMail } from '../../src/mail/catcher';
import { addMember, completeDocument, createAccountWithAdmin, type AccountFixture } from '../support/accounts';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('one-click unsubscribe on %s', (dialect) => {
  let t: TestApp;
  let operator: Client;
  let account: AccountFixture;
  const dev = `dev.unsub.${dialect}@partner.example`;
  const oncall = `oncall.unsub.${dialect}@partner.example`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
    account = await createAccountWithAdmin(t, operator, { name: 'Acme Lists' });
    const doc = {
      ...completeDocument(account.adminId),
      technicalEmergencyContacts: [{ email: oncall }],
      technicalNonEmergencyContacts: [{ email: dev }],
      operationalContactsForPlatform: [{ email: dev }],
    };
    expect((await account.admin.request('PUT', `/api/v1/accounts/${account.id}/contact-info`, doc)).statusCode).toBe(200);
    await t.deliverMail();
  });
  afterAll(() => t.close());

  const raise = async (category: string, title: string) => {
    const response = await operator.request('POST', `/api/v1/accounts/${account.id}/notifications`, { category, env: 'production', title });
    expect(response.statusCode, response.body).toBe(202);
    return response.json() as { recipients: { email: string }[] };
  };
  const mailTo = async (email: string, title: string): Promise<CaughtMail | undefined> => (await t.deliverMail()).find((m) => m.envelopeTo.includes(email) && m.subject.includes(title));
  const linkOf = (mail: CaughtMail) => {
    const header = String(mail.headers['list-unsubscribe'] ?? '');
    const match = /^<(.+)>$/.exec(header.replace(/\s+/g, ''));
    if (!match) throw new Error(`no List-Unsubscribe in ${JSON.stringify(mail.headers)}`);
    return new URL(match[1]!);
  };

  it('puts RFC 8058 headers on optional categories only; GET changes nothing; the one-click POST opts out of that category only', async () => {
    await raise('technical', 'U1 technical');
    const technical = (await mailTo(dev, 'U1 technical'))!;
    expect(technical.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = linkOf(technical);
    expect(link.origin).toBe('http://localhost:3000');
    expect(link.pathname).toMatch(/^\/unsubscribe\/[A-Za-z0-9_.-]+$/);
    expect(link.searchParams.get('category')).toBe('technical');

    await raise('emergency', 'U1 emergency');
    const emergency = (await mailTo(oncall, 'U1 emergency'))!;
    expect(emergency.headers['list-unsubscribe']).toBeUndefined();
    expect(emergency.headers['list-unsubscribe-post']).toBeUndefined();

    // A person (or a mail scanner) opening the link gets the page, which changes nothing.
    const page = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}`, headers: { accept: 'text/html' } });
    expect([200, 404]).toContain(page.statusCode); // 404 only when the web app is not built
    const token = link.pathname.split('/').pop()!;
    const view = await t.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}?category=technical` });
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toEqual({ accountName: 'Acme Lists', email: dev, category: 'technical', mandatory: false, unsubscribed: false });

    // The mail program's one-click POST.
    const posted = await t.app.inject({
      method: 'POST',
      url: `${link.pathname}${link.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json()).toMatchObject({ unsubscribed: true });
    const again = await t.app.inject({ method: 'POST', url: `${link.pathname}${link.search}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(again.statusCode).toBe(200);

    const accepted = await raise('technical', 'U1 after');
    expect(accepted.recipients.map((r) => r.email)).not.toContain(dev);
    expect(await mailTo(dev, 'U1 after')).toBeUndefined();
    // Another category still reaches the same address.
    await raise('user_escalation', 'U1 escalation');
    expect(await mailTo(dev, 'U1 escalation')).toBeDefined();

    const list = await account.admin.request('GET', `/api/v1/accounts/${account.id}/unsubscribes`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ email: dev, category: 'technical' })]);
    const viewer = await addMember(t, account, 'viewer');
    expect((await viewer.client.request('GET', `/api/v1/accounts/${account.id}/unsubscribes`)).statusCode).toBe(403);
  });

  it('refuses mandatory categories with 422 category_mandatory, and unknown or forged links with 404', async () => {
    await raise('user_escalation', 'U2 escalation');
    const link = linkOf((await mailTo(dev, 'U2 escalation'))!);
    const token = link.pathname.split('/').pop()!;
    for (const url of [`/unsubscribe/${token}?category=emergency`, `/api/v1/unsubscribe/${token}?category=emergency`]) {
      const refused = await t.app.inject({ method: 'POST', url });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error.code).toBe('category_mandatory');
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/unsubscribe/${token}?category=emergency` })).json()).toMatchObject({ mandatory: true, unsubscribed: false });
    await raise('emergency', 'U2 emergency');
    expect(await mailTo(oncall, 'U2 emergency')).toBeDefined();

    const [payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify([account.id, 'someone.else@partner.example'])).toString('base64url');
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${'A'.repeat(32)}`, 'nonsense', `${payload}`]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${bad}?category=technical` });
      expect(response.statusCode, bad).toBe(404);
    }
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}?category=spam` })).statusCode).toBe(400);
  });
});
