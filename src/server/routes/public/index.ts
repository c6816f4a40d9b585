import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicSupportContacts } from '../../../commands/public-support-contact';
import { errorResponse } from '../../../contract/errors';
import { supportContactResponse } from '../../../contract/public';
import { DomainError } from '../../../domain/errors';
import type { AppContext } from '../../context';
import { compileSerializer } from '../../serialization';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What end users of the platform may see of a partner: its user-facing support contact and
 * hours. Hot and cacheable; nothing else of the account ever appears here.
 */
export default async function publicRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const supportContacts = await publicSupportContacts(context.storage, { serialize: compileSerializer(supportContactResponse) });
  app.addHook('onClose', () => supportContacts.close());
  // Partners' own websites call this from the browser (any origin: nothing here is private).
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header('access-control-allow-origin', '*');
    done();
  });
  app.options('/api/v1/public/accounts/:accountId/support-contact', { config: { access: 'public' }, schema: { hide: true } }, (_request, reply) => {
    reply
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'If-None-Match, Accept-Language, Content-Type')
      .header('access-control-max-age', '86400')
      .status(204)
      .send();
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/public/accounts/:accountId/support-contact',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary: "A partner's support contact for end users, with its hours and whether it is open now",
        params: z.strictObject({ accountId: z.string().max(64).describe('The account, as the platform knows it') }),
        response: { 200: supportContactResponse, 304: z.undefined(), 404: errorResponse },
      },
    },
    async (request, reply) => {
      const served = ID.test(request.params.accountId) ? await supportContacts.read(request.params.accountId) : undefined;
      if (!served) throw new DomainError('not_found');
      reply
        .header('cache-control', 'public, max-age=60')
        .header('etag', served.etag)
        .header('vary', 'accept-language')
        .header('access-control-expose-headers', 'ETag');
      if (request.headers['if-none-match'] === served.etag) return reply.status(304).send();
      // Serialized once per version (and per turn of openNow), by the 200 schema's serializer.
      return reply.type('application/json; charset=utf-8').send(served.body as never);
    },
  );
}
