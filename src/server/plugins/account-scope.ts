import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../domain/errors';
import { decide, type Permission, type Role } from '../../domain/roles';
import { findAccount, type Account } from '../../storage/accounts';
import type { Db } from '../../storage/db';
import { findRole } from '../../storage/memberships';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route under /api/v1/accounts/:accountId. */
    permission?: Permission;
    /**
     * False exempts a route from the onboarding gate. Every account route is gated unless it
     * says so: the account, its contact information and its users (API.md, "The gate").
     */
    gate?: boolean;
  }
  interface FastifyRequest {
    /** The account of an account route, once the caller may see it. */
    account: Account | null;
    /** The caller's role in it (null for operators who are not members). */
    role: Role | null;
  }
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Authorization for account resources, in one place: every route with an `:accountId` must
 * name its permission (checked at start), and every request to one is resolved here before
 * its body is read: outsiders get 404, members without the permission 403, partner users of
 * an account with incomplete contact information 403 contact_info_required.
 */
export default fp(
  async function accountScope(app: FastifyInstance, options: { db: Db }) {
    app.decorateRequest('account', null);
    app.decorateRequest('role', null);

    app.addHook('onRoute', (route) => {
      if (route.url.includes(':accountId') && route.config?.access !== 'public' && !route.config?.permission) {
        throw new Error(`Route ${route.method} ${route.url} has no permission: every account route must name one`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const permission = request.routeOptions.config.permission;
      if (!permission || !request.user) return;
      const accountId = (request.params as { accountId?: string }).accountId ?? '';
      // A malformed id cannot name an account: 404 without asking the database.
      const account = ID.test(accountId) ? await findAccount(options.db, accountId) : undefined;
      const role = account ? await findRole(options.db, account.id, request.user.id) : null;
      const decision = account ? decide({ kind: 'user', user: request.user }, role, permission, account.id) : 'not_found';
      if (decision !== 'allow') throw new DomainError(decision);
      // The onboarding gate: partner users reach nothing else until the contact information is complete.
      const gated = request.routeOptions.config.gate !== false;
      if (gated && !request.user.isOperator && !account!.contactInfoComplete) throw new DomainError('contact_info_required');
      request.account = account!;
      request.role = role;
    });
  },
  { name: 'account-scope', dependencies: ['auth'] },
);
