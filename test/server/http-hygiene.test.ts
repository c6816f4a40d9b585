import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticRoute } from '../../src/server/plugins/metrics';
import { createTestApp, createUser, signInAs, type TestApp } from '../support/app';

/** Bad requests of every kind answer in the one error envelope, never with a 500. */
describe('HTTP hygiene', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await createUser(t, { email: 'ops@liaison.test', isOperator: true });
  });
  afterAll(() => t.close());

  const envelope = expect.objectContaining({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
  });

  it('answers unknown API routes with 404 not_found', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    const post = await t.app.inject({ method: 'POST', url: '/api/v1/no-such-thing', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('not_found');
  });

  it('answers malformed JSON with 400 bad_request', async () => {
    for (const payload of ['{"email":', '{not json}', 'null garbage', '']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error.code).toBe('bad_request');
    }
  });

  it('answers wrong content types with 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        headers: { 'content-type': type },
        payload: 'email=a&password=b',
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.json().error.code).toBe('unsupported_media_type');
    }
  });

  it('answers bodies over 256 KiB with 413 payload_too_large', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(300 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual(envelope);
    expect(response.json().error.code).toBe('payload_too_large');
  });

  it('reports every invalid field at once with its path', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 42, password: 'p'.repeat(2000), extra: true },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email', code: 'invalid_type' }),
        expect.objectContaining({ path: 'password', code: 'too_long' }),
        expect.objectContaining({ path: 'extra', code: 'unknown_field' }),
      ]),
    );
    for (const detail of error.details) expect(detail.message).toEqual(expect.any(String));
  });

  it('names a missing field as required', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a@b.c' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ path: 'password', code: 'required', message: 'This is required.' }]);
  });

  it('validates query strings with a querystring. path', async () => {
    const client = await signInAs(t, 'ops@liaison.test');
    const response = await client.request('GET', '/api/v1/operator/mailbox?limit=500&cursor=%%%');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain('querystring.limit');
    const badCursor = await client.request('GET', '/api/v1/operator/mailbox?cursor=bm90LWEtY3Vyc29y');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details[0].path).toBe('querystring.cursor');
  });

  it('echoes a request id, and makes one when none is given', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers new requests 503 service_unavailable while shutting down, with its headers and request id', async () => {
    t.app.shuttingDown = true;
    try {
      const response = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'during-shutdown' } });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('service_unavailable');
      expect(response.headers['x-request-id']).toBe('during-shutdown');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      t.app.shuttingDown = false;
    }
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('sends security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    await t.app.inject({ method: 'GET', url: '/api/v1/session' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('# TYPE liaison_http_requests_total counter');
    expect(metrics.body).toMatch(/liaison_http_requests_total\{method="GET",route="\/api\/v1\/session",status="401"\} \d+/);
    expect(metrics.body).toContain('# TYPE liaison_http_request_duration_seconds histogram');
  });

  it('labels every built web asset as one route, so a new build adds no series', () => {
    expect(staticRoute('/assets/index-3f9a1c.js')).toBe('/assets/*');
    expect(staticRoute('/assets/index-77bd02.css')).toBe('/assets/*');
    expect(staticRoute('/api/v1/accounts/:accountId')).toBe('/api/v1/accounts/:accountId');
    expect(staticRoute('/favicon.ico')).toBe('/favicon.ico');
  });

  it('tells the web app the installation facts', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/meta' });
    expect(response.json()).toEqual({ platformName: null, supportUrl: null, supportEmail: null, mailboxEnabled: false, locales: ['en', 'he', 'pl'] });
  });

  it('publishes the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/session', '/api/v1/operator/mailbox']));
  });
});
