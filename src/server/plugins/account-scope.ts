import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { openAccountScope, type AccountScope } from '../../commands/open-account-scope';
import type { Permission } from '../../domain/roles';
import type { AppContext } from '../context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route under /api/v1/accounts/:accountId. */
    permission?: Permission;
    /**
     * False exempts a route from the onboarding gate. Every account route is gated unless it
     * says so: the account, its contact information and its users (the API contract, "The gate").
     */
    gate?: boolean;
  }
  interface FastifyRequest {
    /** The account of an account route and the caller's role in it, once the caller may act on it. */
    scope: AccountScope;
  }
}

/**
 * Every route with an `:accountId` must name its permission (checked at start), and every
 * request to one is authorized by `openAccountScope` before its body is read.
 */
export default fp(
  async function accountScope(app: FastifyInstance, options: { context: AppContext }) {
    app.decorateRequest('scope', null as never);

    const openScope = async (request: FastifyRequest) => {
      const permission = request.routeOptions.config.permission;
      if (!permission || request.principal?.kind === 'anonymous' || !request.principal) return;
      const accountId = (request.params as { accountId?: string }).accountId ?? '';
      request.scope = await openAccountScope(options.context, request.principal, {
        accountId,
        permission,
        gate: request.routeOptions.config.gate,
        inSession: request.accountInSession,
      });
    };

    app.addHook('onRoute', (route) => {
      if (route.url.includes(':accountId') && route.config?.access !== 'public' && !route.config?.permission) {
        throw new Error(`Route ${route.method} ${route.url} has no permission: every account route must name one`);
      }
      // Only routes with a permission pay for the hook; route hooks run after the global ones (auth's).
      if (route.config?.permission) {
        const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
        route.onRequest = [openScope, ...own] as typeof route.onRequest;
      }
    });
  },
  { name: 'account-scope', dependencies: ['auth'] },
);
