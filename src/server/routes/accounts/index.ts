import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount } from '../../../commands/create-account';
import { getAccount } from '../../../commands/get-account';
import { listAccounts } from '../../../commands/list-accounts';
import { setAccountLanguage } from '../../../commands/set-account-language';
import { accountDetail, accountParams, accountsPage, accountsQuery, createAccountBody, integrationType, updateAccountBody } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { integrationName } from '../../../domain/integrations';
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
        summary: "The integration catalog, each name in the caller's language",
        response: { 200: z.object({ items: z.array(integrationType).describe('Every integration type, in catalog order') }), ...errorResponses(401) },
      },
    },
    // Each name in the caller's language (Accept-Language), where the catalog has it.
    async (request) => ({
      items: [...context.catalog.values()].map((t) => ({ type: t.type, name: integrationName(t, request.locale), merchantIssueContacts: t.merchantIssueContacts })),
    }),
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

  routes.patch(
    '/api/v1/accounts/:accountId',
    {
      config: { permission: 'users.manage', gate: false },
      schema: {
        tags,
        summary: "Change the account's default language (admins): contacts without a language of their own get emails in it",
        params: accountParams,
        body: updateAccountBody,
        response: { 200: accountDetail, ...errors },
      },
    },
    async (request) => setAccountLanguage(context, request.principal, { scope: request.scope, language: request.body.language }),
  );
}
