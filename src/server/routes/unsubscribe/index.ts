import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getUnsubscribe, unsubscribe } from '../../../commands/unsubscribe';
import { accountParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { unsubscribeParams, unsubscribeQuery, unsubscribesList, unsubscribeView } from '../../../contract/unsubscribe';
import { ANONYMOUS } from '../../../domain/principal';
import type { Category } from '../../../domain/routing';
import { listUnsubscribes } from '../../../storage/unsubscribes';
import type { AppContext } from '../../context';

/**
 * One-click unsubscribe (RFC 8058). Emails of optional categories carry
 * `List-Unsubscribe: <PUBLIC_URL/unsubscribe/{token}?category=…>`: mail programs POST there
 * (`List-Unsubscribe=One-Click`, form-encoded); a person's GET of that address gets the web page,
 * which shows a button and changes nothing until pressed.
 */
export default async function unsubscribeRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  // Mail programs send the one-click POST form-encoded; only these routes read that (the rest of the API stays JSON only).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, body));

  routes.get(
    '/api/v1/unsubscribe/:token',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'What an unsubscribe link is about (changes nothing)', params: unsubscribeParams, querystring: unsubscribeQuery, response: { 200: unsubscribeView, ...errorResponses(400, 404) } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getUnsubscribe(context, ANONYMOUS, { token: request.params.token, category: request.query.category as Category });
    },
  );

  for (const path of ['/api/v1/unsubscribe/:token', '/unsubscribe/:token']) {
    routes.post(
      path,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            path.startsWith('/api')
              ? "Unsubscribe the link's address from this optional category of the account; 422 category_mandatory for emergencies"
              : 'RFC 8058 one-click unsubscribe (the List-Unsubscribe address; form-encoded List-Unsubscribe=One-Click, or no body)',
          params: unsubscribeParams,
          querystring: unsubscribeQuery,
          body: z.unknown().optional(),
          response: { 200: unsubscribeView, ...errorResponses(400, 404, 422) },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return unsubscribe(context, ANONYMOUS, { token: request.params.token, category: request.query.category as Category });
      },
    );
  }

  routes.get(
    '/api/v1/accounts/:accountId/unsubscribes',
    {
      config: { permission: 'users.manage' },
      schema: {
        tags,
        summary: 'Who opted out of which optional category of this account (admins and operators)',
        params: accountParams,
        response: { 200: unsubscribesList, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({ items: (await listUnsubscribes(context.storage.db, request.scope.account.id)) as { email: string; category: Category; at: string }[] }),
  );
}
