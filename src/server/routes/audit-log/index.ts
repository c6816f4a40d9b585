import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accountParams } from '../../../contract/accounts';
import { auditPage, pageQuery } from '../../../contract/contact-info';
import { errorResponses } from '../../../contract/errors';
import { listAudit } from '../../../storage/audit-log';
import type { AppContext } from '../../context';

export default async function auditLogRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/accounts/:accountId/audit-log',
    {
      config: { permission: 'auditLog.read' },
      schema: {
        tags: ['audit log'],
        summary: 'Every change to the account: who, when, and each field before and after (newest first)',
        params: accountParams,
        querystring: pageQuery,
        response: { 200: auditPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const page = await listAudit(context.storage.db, request.scope.account.id, request.query);
      return { items: page.items.map(({ id: _id, ...entry }) => entry), nextCursor: page.nextCursor };
    },
  );
}
