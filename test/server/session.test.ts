import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../src/commands/sign-in';
import { createTestApp, createUser, PASSWORD, signInAs, type TestApp } from '../support/app';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('sessions on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await createUser(t, { email: 'ana@partner.example', name: 'Ana' });
    await createUser(t, { email: 'ops@liaison.test', name: 'Olga', isOperator: true });
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password }, remoteAddress: ip });

  it('signs in and sets an HttpOnly SameSite=Lax cookie', async () => {
    const response = await signIn('  Ana@Partner.example ', PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      user: { id: expect.stringMatching(/^u_/), email: 'ana@partner.example', name: 'Ana', locale: null },
      isOperator: false,
      memberships: [],
      csrfToken: expect.any(String),
      twoStepEnrolmentRequired: false,
    });
    const [cookie] = response.cookies;
    expect(cookie).toMatchObject({ name: 'liaison_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.secure).toBeFalsy();
  });

  it('reports operators', async () => {
    const response = await signIn('ops@liaison.test', PASSWORD);
    expect(response.json().isOperator).toBe(true);
  });

  it('answers a wrong password and an unknown email alike: 401 invalid_credentials', async () => {
    for (const [email, password] of [
      ['ana@partner.example', 'wrong-password'],
      ['nobody@partner.example', PASSWORD],
    ] as const) {
      const response = await signIn(email, password, '10.9.9.9');
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({
        error: { code: 'invalid_credentials', message: 'The email or password is not correct.' },
      });
      expect(response.cookies).toHaveLength(0);
    }
  });

  it('returns the session, and 401 unauthenticated without one', async () => {
    const client = await signInAs(t, 'ana@partner.example');
    const response = await client.request('GET', '/api/v1/session');
    expect(response.statusCode).toBe(200);
    expect(response.json().csrfToken).toBe(client.csrfToken);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/session', cookies: { liaison_session: 'forged' } });
    expect(forged.statusCode).toBe(401);
  });

  it('requires the CSRF token on unsafe requests that rely on the cookie', async () => {
    const client = await signInAs(t, 'ana@partner.example');
    const missing = await client.request('DELETE', '/api/v1/session', undefined, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const wrong = await client.request('DELETE', '/api/v1/session', undefined, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('csrf_failed');
    // Nothing changed: the session still works.
    expect((await client.request('GET', '/api/v1/session')).statusCode).toBe(200);
  });

  it('remembers the language on the user', async () => {
    const client = await signInAs(t, 'ana@partner.example');
    const changed = await client.request('PATCH', '/api/v1/session', { locale: 'en' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.locale).toBe('en');
    expect((await client.request('GET', '/api/v1/session')).json().user.locale).toBe('en');
    const bad = await client.request('PATCH', '/api/v1/session', { locale: 'xx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ path: 'locale', code: 'invalid_value' });
    const noCsrf = await client.request('PATCH', '/api/v1/session', { locale: null }, { 'x-csrf-token': '' });
    expect(noCsrf.statusCode).toBe(403);
    const reset = await client.request('PATCH', '/api/v1/session', { locale: null });
    expect(reset.json().user.locale).toBeNull();
  });

  it('signs out by revoking the session in the database', async () => {
    const client = await signInAs(t, 'ana@partner.example');
    const response = await client.request('DELETE', '/api/v1/session');
    expect(response.statusCode).toBe(204);
    expect(response.cookies[0]).toMatchObject({ name: 'liaison_session', value: '' });
    // The old cookie is dead even if a client kept it.
    expect((await client.request('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('limits failed sign-ins per email with 429 rate_limited and Retry-After', async () => {
    await createUser(t, { email: 'target@partner.example' });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      expect((await signIn('target@partner.example', `guess-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    }
    const limited = await signIn('target@partner.example', 'another-guess', '10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is refused while the email is locked, and no session is made.
    const right = await signIn('target@partner.example', PASSWORD, '10.1.1.2');
    expect(right.statusCode).toBe(429);
    expect(right.cookies).toHaveLength(0);
    // Other people are not affected.
    expect((await signIn('ana@partner.example', PASSWORD, '10.1.1.3')).statusCode).toBe(200);
  });

  it('limits failed sign-ins per address across emails', async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      expect((await signIn(`user${i}@spray.example`, 'guess', '10.2.0.1')).statusCode).toBe(401);
    }
    const limited = await signIn('ana@partner.example', PASSWORD, '10.2.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await signIn('ana@partner.example', PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('answers sign-in errors in the caller language when asked (falls back to English)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ana@partner.example', password: 'nope' },
      headers: { 'accept-language': 'xx-YY, en;q=0.5' },
      remoteAddress: '10.3.0.1',
    });
    expect(response.json().error.message).toBe('The email or password is not correct.');
  });
});

describe('session cookie behind https', () => {
  it('is Secure with the __Host- prefix when PUBLIC_URL is https', async () => {
    const t = await createTestApp('sqlite', { PUBLIC_URL: 'https://portal.example' });
    try {
      await createUser(t, { email: 'ana@partner.example' });
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'ana@partner.example', password: PASSWORD },
      });
      expect(response.cookies[0]).toMatchObject({ name: '__Host-liaison_session', secure: true, httpOnly: true, sameSite: 'Lax' });
      expect(response.headers['strict-transport-security']).toBeDefined();
    } finally {
      await t.close();
    }
  });
});
