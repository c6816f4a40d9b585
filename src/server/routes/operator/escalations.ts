import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contract/errors';
import { escalationsList, escalationsQuery } from '../../../contract/notifications';
import { listEscalations } from '../../../storage/escalations';
import type { AppContext } from '../../context';

/** Emergencies nobody acknowledged in time, for the operators' dashboard. */
export default async function escalationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/operator/escalations',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operator'],
        summary: 'Escalated emergencies (sent again because nobody acknowledged them in time), newest first; open=true: not acknowledged yet',
        querystring: escalationsQuery,
        response: { 200: escalationsList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ items: await listEscalations(context.storage.db, { limit: request.query.limit, open: request.query.open === 'true' }) }),
  );
}
