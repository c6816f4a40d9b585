import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../domain/errors';
import { isSupportedLocale } from '../../domain/locales';
import type { Db } from '../../storage/db';
import { findSession, type SessionRecord } from '../../storage/sessions';
import type { User } from '../../storage/users';
import { translator } from '../../i18n';

/**
 * Who may call a route: `public` (anyone), `user` (any signed-in user; the default under /api/v1/), `operator`.
 * Account routes add their own policy checks on top (src/server/policies).
 */
export type Access = 'public' | 'user' | 'operator';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** False for the few unsafe routes that do not rely on the cookie (sign-in, accept invitation). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    user: User | null;
    session: SessionRecord | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host and path, and requires Secure.
  return secure ? '__Host-liaison_session' : 'liaison_session';
}

export function setSessionCookie(reply: FastifyReply, token: string, options: { secure: boolean; expires: Date }) {
  reply.setCookie(sessionCookieName(options.secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    expires: options.expires,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

async function authenticate(db: Db, request: FastifyRequest, cookieName: string) {
  const token = request.cookies[cookieName];
  if (!token) return;
  const found = await findSession(db, token);
  if (!found) return;
  request.session = found.session;
  request.user = found.user;
}

export default fp(
  async function authPlugin(app: FastifyInstance, options: { db: Db; secureCookies: boolean }) {
    const cookieName = sessionCookieName(options.secureCookies);
    app.decorateRequest('user', null);
    app.decorateRequest('session', null);

    app.addHook('onRequest', async (request) => {
      // Unknown routes (no route config) fall through to the not-found handler.
      if (!request.routeOptions.url) return;
      const config = request.routeOptions.config;
      // API routes are private unless they say otherwise; pages, assets and docs are public.
      const access = config.access ?? (request.routeOptions.url.startsWith('/api/v1/') ? 'user' : 'public');
      // Public routes never use the session (their unsafe ones don't rely on the cookie): skip its reads.
      if (access === 'public') return;

      await authenticate(options.db, request, cookieName);
      if (!request.user) throw new DomainError('unauthenticated');
      // The caller's language: Accept-Language first, then the user's own choice.
      if (!request.localeFromHeader && isSupportedLocale(request.user.locale)) {
        request.locale = request.user.locale;
        request.t = translator(request.user.locale);
      }
      if (access === 'operator' && !request.user.isOperator) throw new DomainError('not_found');
      if (UNSAFE.has(request.method) && config.csrf !== false) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, request.session!.csrfToken)) {
          throw new DomainError('csrf_failed');
        }
      }
    });
  },
  { name: 'auth', dependencies: ['i18n'] },
);
