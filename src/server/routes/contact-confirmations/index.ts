import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { confirmContact, getContactConfirmation } from '../../../commands/confirm-contact';
import { confirmationParams, contactConfirmation } from '../../../contract/contact-info';
import { errorResponses } from '../../../contract/errors';
import { ANONYMOUS } from '../../../domain/principal';
import type { AppContext } from '../../context';

/**
 * The link of a contact-confirmation email (no sign-in: the token is the credential). Mail
 * scanners fetch links, so the GET only reads; the POST confirms.
 */
export default async function contactConfirmationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contact information'];

  routes.get(
    '/api/v1/contact-confirmations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The address a confirmation link is about and its state (changes nothing)',
        params: confirmationParams,
        response: { 200: contactConfirmation, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getContactConfirmation(context, ANONYMOUS, { token: request.params.token });
    },
  );

  routes.post(
    '/api/v1/contact-confirmations/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Confirm that someone reads this address (it becomes confirmed)',
        params: confirmationParams,
        response: { 200: contactConfirmation, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return confirmContact(context, ANONYMOUS, { token: request.params.token });
    },
  );
}
