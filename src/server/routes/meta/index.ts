import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { metaResponse } from '../../../contract/meta';
import { SUPPORTED_LOCALES } from '../../../domain/locales';
import type { AppContext } from '../../context';

/** What the web app needs to know of this installation before anyone signs in. */
export default async function metaRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/meta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Installation facts for the web app: platform name, support link, languages',
        response: { 200: metaResponse },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return {
        platformName: context.config.platformName ?? null,
        supportUrl: context.config.supportUrl ?? null,
        supportEmail: context.config.supportEmail ?? null,
        mailboxEnabled: context.mailboxEnabled,
        locales: [...SUPPORTED_LOCALES],
      };
    },
  );
}
