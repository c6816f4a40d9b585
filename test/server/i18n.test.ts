import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLocale } from '../../src/storage/users';
import { createTestApp, createUser, signInAs, type Client, type TestApp } from '../support/app';
import { lastMailTo, uniqueEmail } from '../support/accounts';

const catalog = (locale: string) => JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8')) as Record<string, string>;

describe('API messages and emails in the caller’s language', () => {
  let t: TestApp;
  let operator: Client;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await createUser(t, { email: 'ops@liaison.test', name: 'Olga', isOperator: true });
    operator = await signInAs(t, 'ops@liaison.test');
  });
  afterAll(() => t.close());

  it('answers errors in Polish and Hebrew with the same codes', async () => {
    for (const locale of ['pl', 'he']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'nobody@example.com', password: 'wrong-password' },
        headers: { 'accept-language': `${locale}-XX,en;q=0.5` },
        remoteAddress: `10.50.0.${locale.length}`,
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: { code: 'invalid_credentials', message: catalog(locale)['error.invalid_credentials'] } });
    }
  });

  it('translates validation details', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'a@b.c' },
      headers: { 'accept-language': 'pl' },
    });
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: catalog('pl')['error.validation_failed'],
      details: [{ path: 'password', code: 'required', message: catalog('pl')['detail.required'] }],
    });
  });

  it('uses Polish plural forms in messages with counts', async () => {
    const email = 'locked@example.com';
    for (let i = 0; i < 5; i++) {
      await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: 'x' }, remoteAddress: `10.60.0.${i}` });
    }
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email, password: 'x' },
      headers: { 'accept-language': 'pl' },
      remoteAddress: '10.60.1.1',
    });
    expect(response.statusCode).toBe(429);
    const seconds = Number(response.headers['retry-after']);
    const form = seconds === 1 ? 'sekundę' : [2, 3, 4].includes(seconds % 10) && ![12, 13, 14].includes(seconds % 100) ? 'sekundy' : 'sekund';
    expect(response.json().error.message).toContain(`${seconds} ${form}`);
  });

  it('falls back to the signed-in user’s language without Accept-Language', async () => {
    const user = await createUser(t, { email: 'polka@example.com' });
    await setLocale(t.storage.db, user.id, 'pl');
    const client = await signInAs(t, 'polka@example.com');
    const response = await client.request('GET', '/api/v1/accounts/a_unknown');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toBe(catalog('pl')['error.not_found']);
  });

  it('writes an invitation in Hebrew, right to left, when asked', async () => {
    const adminEmail = uniqueEmail('hebrew');
    const created = await operator.request('POST', '/api/v1/accounts', {
      name: 'Shalom Tables',
      integrations: ['reservations_e2e'],
      adminEmail,
      locale: 'he',
    });
    expect(created.statusCode).toBe(201);
    const mail = await lastMailTo(t, adminEmail);
    expect(mail.html).toContain('<html lang="he" dir="rtl">');
    expect(mail.subject).toContain('Shalom Tables');
    expect(mail.subject).toMatch(/[\u0590-\u05FF]/);
    expect(mail.text).toMatch(/[\u0590-\u05FF]/);
    expect(mail.text).not.toContain('invited you');
  });

  it('writes an invitation in the inviter’s language by default', async () => {
    const adminEmail = uniqueEmail('polish');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { name: 'Polskie Stoliki', integrations: ['reservations_e2e'], adminEmail },
      headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrfToken, 'accept-language': 'pl' },
    });
    const mail = await lastMailTo(t, adminEmail);
    expect(mail.html).toContain('<html lang="pl" dir="ltr">');
    expect(mail.text).toContain(catalog('pl')['email.invitation.action']);
  });
});
