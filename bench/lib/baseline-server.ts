import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import type { BaselineData } from './fixture';

/**
 * The baseline: bare Fastify, no plugins, no database. It serves Liaison's routes with the very
 * bodies Liaison answered (read from BASELINE_DATA at start and kept in memory), so the
 * difference between the two is what Liaison does beyond the framework: plugins, validation,
 * serialization, authorization, queries. `npm run bench` starts it as its own process.
 */
const data = JSON.parse(readFileSync(process.env.BASELINE_DATA!, 'utf8')) as BaselineData;
const publicSupportContacts = new Map(Object.entries(data.publicSupportContacts));
const sessions = new Map(Object.entries(data.sessions));

const app = Fastify({ logger: false });

const notFound = { error: { code: 'not_found', message: 'Not found', details: [] } };
const unauthenticated = { error: { code: 'unauthenticated', message: 'Sign in first', details: [] } };

function sessionOf(cookieHeader: string | undefined) {
  const token = /(?:^|;\s*)liaison_session=([^;]*)/.exec(cookieHeader ?? '')?.[1];
  return token === undefined ? undefined : sessions.get(token);
}

app.get('/healthz', async () => ({ status: 'ok' }));

app.get<{ Params: { accountId: string } }>('/api/v1/public/accounts/:accountId/support-contact', async (request, reply) => {
  const body = publicSupportContacts.get(request.params.accountId);
  return body ?? reply.status(404).send(notFound);
});

app.get('/api/v1/session', async (request, reply) => {
  const session = sessionOf(request.headers.cookie);
  return session ? session.session : reply.status(401).send(unauthenticated);
});

app.get<{ Params: { accountId: string } }>('/api/v1/accounts/:accountId/contact-info', async (request, reply) => {
  const session = sessionOf(request.headers.cookie);
  if (!session) return reply.status(401).send(unauthenticated);
  if (session.accountId !== request.params.accountId) return reply.status(404).send(notFound);
  return session.contactInfo;
});

app.put<{ Params: { accountId: string }; Body: Record<string, unknown> }>('/api/v1/accounts/:accountId/contact-info', async (request, reply) => {
  const session = sessionOf(request.headers.cookie);
  if (!session) return reply.status(401).send(unauthenticated);
  if (request.headers['x-csrf-token'] !== session.csrfToken) return reply.status(403).send({ error: { code: 'csrf_failed', message: 'Bad CSRF token', details: [] } });
  if (session.accountId !== request.params.accountId) return reply.status(404).send(notFound);
  // Keep the view's alert contacts (with email and name); take the other fields as sent.
  const { alertContacts: _sent, ...fields } = request.body;
  const current = session.contactInfo as { version: number };
  session.contactInfo = { ...current, ...fields, version: current.version + 1, updatedAt: new Date().toISOString() };
  return session.contactInfo;
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
