import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount } from '../../../commands/create-account';
import { getAccount } from '../../../commands/get-account';
import { listAccounts } from '../../../commands/list-accounts';
import { accountDetail, accountParams, accountsPage, accountsQuery, createAccountBody, integrationType } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import type { AppContext } from '../../context';

const errors = errorResponses(400, 401, 403, 404);

export default async function accountRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  routes.get(
    '/api/v1/integration-types',
    {
      schema: {
        tags,
        summary: 'The integration catalog',
        response: { 200: z.object({ items: z.array(integrationType) }), ...errorResponses(401) },
      },
    },
    async () => ({ items: [...context.catalog.values()] }),
  );

  routes.get(
    '/api/v1/accounts',
    {
      schema: {
        tags,
        summary: 'Accounts: every account for operators, their own for partner users',
        querystring: accountsQuery,
        response: { 200: accountsPage, ...errors },
      },
    },
    async (request) => {
      const { contactInfo, sort, q, ...page } = request.query;
      return listAccounts(context, request.principal, {
        ...page,
        complete: contactInfo === undefined ? undefined : contactInfo === 'complete',
        ...(q ? { search: q } : {}),
        descending: sort === '-name',
      });
    },
  );

  routes.post(
    '/api/v1/accounts',
    {
      config: { access: 'operator' },
      schema: {
        tags,
        summary: 'Create a partner account and invite its first admin (operators)',
        body: createAccountBody,
        response: { 201: accountDetail, ...errors },
      },
    },
    async (request, reply) => {
      const account = await createAccount(context, request.principal, { ...request.body, locale: request.body.locale ?? request.locale });
      return reply.status(201).send(account);
    },
  );

  routes.get(
    '/api/v1/accounts/:accountId',
    {
      config: { permission: 'account.read', gate: false },
      schema: { tags, summary: 'One account, with the contact fields it still misses', params: accountParams, response: { 200: accountDetail, ...errors } },
    },
    async (request) => getAccount(context, request.principal, { scope: request.scope }),
  );
}
