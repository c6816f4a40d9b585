import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount } from '../../../commands/create-account';
import { accountDetail, accountParams, accountsPage, accountsQuery, createAccountBody, integrationType } from '../../../contract/accounts';
import { errorResponse } from '../../../contract/errors';
import { loadContactInfo } from '../../../commands/contact-info';
import { listAccounts, type Account } from '../../../storage/accounts';
import type { AppContext } from '../../context';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

export default async function accountRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const { storage, catalog, config } = context;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  const detail = async (account: Account) => ({ ...account, missing: (await loadContactInfo(storage.db, catalog, account)).missing });

  routes.get(
    '/api/v1/integration-types',
    {
      schema: {
        tags,
        summary: 'The integration catalog',
        response: { 200: z.object({ items: z.array(integrationType) }), 401: errorResponse },
      },
    },
    async () => ({ items: [...catalog.values()] }),
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
      const { contactInfo, ...page } = request.query;
      return listAccounts(storage.db, {
        ...page,
        complete: contactInfo === undefined ? undefined : contactInfo === 'complete',
        memberOf: request.user!.isOperator ? undefined : request.user!.id,
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
      const account = await createAccount(storage, catalog, {
        ...request.body,
        locale: request.body.locale ?? request.locale,
        operator: { id: request.user!.id, name: request.user!.name || request.user!.email },
        publicUrl: config.publicUrl,
      });
      context.wakeWorker();
      return reply.status(201).send(await detail(account));
    },
  );

  routes.get(
    '/api/v1/accounts/:accountId',
    {
      config: { permission: 'account.read', gate: false },
      schema: { tags, summary: 'One account, with the contact fields it still misses', params: accountParams, response: { 200: accountDetail, ...errors } },
    },
    async (request) => detail(request.account!),
  );
}
