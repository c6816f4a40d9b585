import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acknowledgeNotification, getAcknowledgement } from '../../../commands/acknowledge-notification';
import { errorResponses } from '../../../contract/errors';
import { acknowledgeParams, acknowledgement } from '../../../contract/notifications';
import { ANONYMOUS } from '../../../domain/principal';
import type { AppContext } from '../../context';

/**
 * The Acknowledge link of an emergency email (no sign-in: the token is the credential). Mail
 * scanners and link previews fetch links, so the GET only reads; the POST acknowledges, once.
 */
export default async function acknowledgementRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  routes.get(
    '/api/v1/acknowledgements/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The emergency an Acknowledge link is about, and whether it was acknowledged (changes nothing)',
        params: acknowledgeParams,
        response: { 200: acknowledgement, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getAcknowledgement(context, ANONYMOUS, { token: request.params.token, locale: request.locale });
    },
  );

  routes.post(
    '/api/v1/acknowledgements/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Acknowledge the emergency: the first acknowledgement records this address and the time, and stops its escalation',
        params: acknowledgeParams,
        response: { 200: acknowledgement, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return acknowledgeNotification(context, ANONYMOUS, { token: request.params.token, locale: request.locale });
    },
  );
}
