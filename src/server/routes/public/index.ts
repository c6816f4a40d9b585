import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicSupportContacts } from '../../../commands/public-support-contact';
import { errorResponse } from '../../../contract/errors';
import { supportContactResponse } from '../../../contract/public';
import { DomainError } from '../../../domain/errors';
import type { AppContext } from '../../context';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What end users of the platform may see of a partner: its user-facing support contact and
 * hours. Hot and cacheable; nothing else of the account ever appears here.
 */
export default async function publicRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const findSupportContact = publicSupportContacts(context.storage.db);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/public/accounts/:accountId/support-contact',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: "A partner's support contact for end users, with its hours and whether it is open now",
        params: z.strictObject({ accountId: z.string().max(64) }),
        response: { 200: supportContactResponse, 304: z.undefined(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      const body = ID.test(request.params.accountId) ? await findSupportContact(request.params.accountId) : undefined;
      if (!body) throw new DomainError('not_found');
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
      reply.header('cache-control', 'public, max-age=60').header('etag', etag).header('vary', 'accept-language');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return body;
    },
  );
}
