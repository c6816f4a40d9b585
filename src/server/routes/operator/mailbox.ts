import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors';
import { mailboxPage } from '../../../contract/mailbox';
import { pageQuery } from '../../../contract/paging';
import type { Db } from '../../../storage/db';
import { listMailbox } from '../../../storage/mailbox';

export default async function mailboxRoutes(app: FastifyInstance, { db }: { db: Db }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/operator/mailbox',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operator'],
        summary: 'Messages caught by the embedded mail catcher (newest first)',
        querystring: pageQuery,
        response: { 200: mailboxPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listMailbox(db, request.query),
  );
}
