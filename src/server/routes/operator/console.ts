import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { exportAccountsCsv } from '../../../commands/export-accounts';
import { createBroadcast, getBroadcast, listRecentBroadcasts } from '../../../commands/broadcast';
import { getDashboard } from '../../../commands/get-dashboard';
import { z } from 'zod';
import { broadcast, broadcastParams, createBroadcastBody, dashboard } from '../../../contract/operator';
import { errorResponses } from '../../../contract/errors';
import type { AppContext } from '../../context';

/** The operators' console: the CSV export and the dashboard. */
export default async function accountsCsvRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.get(
    '/api/v1/operator/accounts.csv',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operator'],
        summary: 'Every account with its contact information as CSV, streamed (cells that a spreadsheet would run start with an apostrophe)',
        produces: ['text/csv'],
        response: errorResponses(401, 404),
      },
    },
    async (request, reply) => {
      const chunks = exportAccountsCsv(context, request.principal);
      // The first chunk (the header) is read before answering, so a refusal is still an error envelope.
      const first = await chunks.next();
      async function* body() {
        if (!first.done) yield first.value;
        for await (const chunk of chunks) {
          yield chunk;
          // Other requests get their turn between batches: SQLite's reads are synchronous, and a
          // socket that keeps accepting would otherwise let the export hold the event loop to its end.
          await setImmediate();
        }
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="accounts.csv"')
        .header('cache-control', 'no-store')
        .send(Readable.from(body(), { highWaterMark: 1 })); // one batch waiting at most: the socket's pace
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/operator/dashboard',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operator'],
        summary: 'Accounts complete and incomplete, deliveries per day over 14 days, failing accounts, the oldest undelivered notification',
        response: { 200: dashboard, ...errorResponses(401, 404) },
      },
    },
    async (request) => getDashboard(context, request.principal),
  );

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.post(
    '/api/v1/operator/broadcasts',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operator'],
        summary: "One notification to a category's contacts of many accounts: accepted as a job that fans out in the background",
        body: createBroadcastBody,
        response: { 202: broadcast, ...errorResponses(400, 401, 404, 422) },
      },
    },
    async (request, reply) => reply.status(202).send(await createBroadcast(context, request.principal, request.body)),
  );
  routes.get(
    '/api/v1/operator/broadcasts',
    { config: { access: 'operator' }, schema: { tags: ['operator'], summary: 'The latest broadcasts with their progress', response: { 200: z.object({ items: z.array(broadcast).describe('The latest broadcasts, newest first') }), ...errorResponses(401, 404) } } },
    async (request) => ({ items: await listRecentBroadcasts(context, request.principal) }),
  );
  routes.get(
    '/api/v1/operator/broadcasts/:broadcastId',
    { config: { access: 'operator' }, schema: { tags: ['operator'], summary: 'A broadcast and its progress', params: broadcastParams, response: { 200: broadcast, ...errorResponses(401, 404) } } },
    async (request) => getBroadcast(context, request.principal, { id: request.params.broadcastId }),
  );
}
