import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../domain/errors';
import { isSupportedLocale } from '../../domain/locales';
import { ANONYMOUS, type Principal } from '../../domain/principal';
import type { Db } from '../../storage/db';
import type { ContactInfoWithPeople } from '../../storage/contact-info';
import type { MembershipSummary } from '../../storage/memberships';
import { findSession, type AccountInSession } from '../../storage/sessions';
import { translator } from '../../i18n';

/**
 * Who may call a route: `public` (anyone), `user` (a signed-in person; the default under
 * /api/v1/), `operator`. Account routes add their permission on top (plugins/account-scope.ts).
 */
export type Access = 'public' | 'user' | 'operator';

/** Resolves a bearer token to its principal (service tokens), or undefined when unknown or revoked. */
export type TokenAuthenticator = (token: string) => Promise<Principal | undefined>;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** False for the few unsafe routes that do not rely on the cookie (sign-in, accept invitation). */
    csrf?: boolean;
    /** True where platform systems may call with a service token (raising notifications). */
    serviceTokens?: boolean;
    /**
     * What the route shows that the session's read can bring along in the same query: the
     * person's memberships, or (account routes) the account's contact information.
     */
    sessionReadsAlong?: 'memberships' | 'contactInfo';
  }
  interface FastifyRequest {
    /** Who is calling: a signed-in person, a service token, or anonymous on public routes. */
    principal: Principal;
    /** The account of the request as the session's read found it (undefined: not read with it). */
    accountInSession?: AccountInSession;
    /** The person's memberships as the session's read found them (`sessionReadsAlong: 'memberships'`). */
    membershipsInSession?: MembershipSummary[];
    /**
     * The account's contact information as the session's read found it (`sessionReadsAlong:
     * 'contactInfo'`; null: none yet). Only for use once the account scope allowed the request.
     */
    contactInfoInSession?: ContactInfoWithPeople | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * What a person may still do while two-step sign-in is required of them and not set up: their
 * session and their own profile, where they enrol, and the integration catalog the header reads.
 * Everything else answers 403 two_step_enrolment_required until they have.
 */
const OPEN_DURING_ENROLMENT = /^\/api\/v1\/(session|profile|integration-types)(\/|$)/;

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

const BEARER = /^Bearer\s+(\S+)$/i;
/** What can name an account at all; anything else is 404 without a read (open-account-scope.ts). */
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A machine's bearer token, or the browser's session cookie (with its CSRF token on unsafe methods). */
async function authenticate(request: FastifyRequest, options: AuthOptions, cookieName: string): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = BEARER.exec(authorization)?.[1];
    return token && options.authenticateToken ? options.authenticateToken(token) : undefined;
  }
  const cookie = request.cookies[cookieName];
  if (!cookie) return undefined;
  // A request about one account reads the account with the session (see account-scope.ts), and
  // what the route shows where it can (`sessionReadsAlong`).
  const config = request.routeOptions.config;
  const accountId = config.permission ? (request.params as { accountId?: string }).accountId : undefined;
  const found = await findSession(
    options.db,
    cookie,
    accountId !== undefined && ACCOUNT_ID.test(accountId)
      ? { accountId, contactInfo: config.sessionReadsAlong === 'contactInfo' }
      : { memberships: config.sessionReadsAlong === 'memberships' },
  );
  if (found?.inAccount !== undefined) request.accountInSession = found.inAccount;
  if (found?.contactInfo !== undefined) request.contactInfoInSession = found.contactInfo;
  if (found?.memberships !== undefined) request.membershipsInSession = found.memberships;
  return (
    found && {
      kind: 'user',
      user: found.user,
      session: { id: found.session.id, csrfToken: found.session.csrfToken, enrolmentRequired: found.session.enrolmentRequired ?? false },
    }
  );
}

type AuthOptions = { db: Db; secureCookies: boolean; authenticateToken?: TokenAuthenticator };

export default fp(
  async function authPlugin(app: FastifyInstance, options: AuthOptions) {
    const cookieName = sessionCookieName(options.secureCookies);
    // Fastify refuses object defaults on requests: start from null, set on every routed request below.
    app.decorateRequest('principal', null as never);
    app.decorateRequest('accountInSession', undefined);
    app.decorateRequest('membershipsInSession', undefined);
    app.decorateRequest('contactInfoInSession', undefined);

    // A callback hook: public routes (health, the public support contact, pages) pass without a
    // promise; the others wait for the session's read.
    app.addHook('onRequest', (request, _reply, done) => {
      // Unknown routes (no route config) fall through to the not-found handler.
      if (!request.routeOptions.url) return done();
      request.principal = ANONYMOUS;
      const config = request.routeOptions.config;
      // API routes are private unless they say otherwise; pages, assets and docs are public.
      const access = config.access ?? (request.routeOptions.url.startsWith('/api/v1/') ? 'user' : 'public');
      // Public routes never use the session (their unsafe ones don't rely on the cookie): skip its reads.
      if (access === 'public') return done();
      signedIn(request, access).then(() => done(), done);
    });

    async function signedIn(request: FastifyRequest, access: Access): Promise<void> {
      const config = request.routeOptions.config;
      const principal = await authenticate(request, options, cookieName);
      if (!principal) throw new DomainError('unauthenticated');
      request.principal = principal;
      if (principal.kind === 'service') {
        // A service token raises notifications and does nothing else.
        if (!config.serviceTokens) throw new DomainError('forbidden');
        return;
      }
      if (principal.kind !== 'user') throw new DomainError('unauthenticated');
      const { user } = principal;
      // The caller's language: Accept-Language first, then the user's own choice.
      if (!request.localeFromHeader && isSupportedLocale(user.locale)) {
        request.locale = user.locale;
        request.t = translator(user.locale);
      }
      if (principal.session?.enrolmentRequired && !OPEN_DURING_ENROLMENT.test(request.routeOptions.url ?? '')) throw new DomainError('two_step_enrolment_required');
      if (access === 'operator' && !user.isOperator) throw new DomainError('not_found');
      if (UNSAFE.has(request.method) && config.csrf !== false) {
        const header = request.headers['x-csrf-token'];
        if (typeof header !== 'string' || !sameToken(header, principal.session!.csrfToken)) throw new DomainError('csrf_failed');
      }
    }
  },
  { name: 'auth', dependencies: ['i18n'] },
);
