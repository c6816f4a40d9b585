import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { DomainError } from '../domain/errors';
import type { AppContext } from './context';
import { registerErrorHandling } from './errors';
import accountScope from './plugins/account-scope';
import authPlugin from './plugins/auth';
import i18nPlugin from './plugins/i18n';
import metricsPlugin from './plugins/metrics';
import webPlugin from './plugins/web';
import accountRoutes from './routes/accounts';
import auditLogRoutes from './routes/audit-log';
import contactInfoRoutes from './routes/contact-info';
import healthRoutes from './routes/health';
import invitationRoutes from './routes/invitations';
import metaRoutes from './routes/meta';
import publicRoutes from './routes/public';
import mailboxRoutes from './routes/operator/mailbox';
import serviceTokenRoutes from './routes/operator/service-tokens';
import accountsCsvRoutes from './routes/operator/console';
import integrationRoutes from './routes/integrations';
import notificationRoutes from './routes/notifications';
import { authenticateServiceToken } from '../commands/authenticate-service-token';
import sessionRoutes from './routes/session';
import userRoutes from './routes/users';
import { zodValidatorCompiler } from './validation';

declare module 'fastify' {
  interface FastifyInstance {
    shuttingDown: boolean;
  }
}

export const BODY_LIMIT_BYTES = 256 * 1024;
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Wires plugins, then routes (the order of fastify/demo). Listening is the caller's business. */
export async function buildApp(
  context: AppContext,
  options: { logger?: FastifyBaseLogger | false } = {},
): Promise<FastifyInstance> {
  const { config, storage } = context;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: options.logger ?? { level: config.logLevel } }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Clients may pass their own request id to follow a request through the logs.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    // While shutting down, new requests get our own 503 (below) and in-flight ones finish.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  // JSON only: any other body type is answered 415 unsupported_media_type.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('shuttingDown', false);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // A keep-alive connection would hold shutdown open until it times out: end it with this response.
    if (app.shuttingDown) reply.header('connection', 'close');
  });
  registerErrorHandling(app);
  app.addHook('onRequest', async () => {
    if (app.shuttingDown) throw new DomainError('service_unavailable');
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // React Aria positions popovers with style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(i18nPlugin);
  await app.register(authPlugin, { db: storage.db, secureCookies: config.secureCookies, authenticateToken: (token) => authenticateServiceToken(context, token) });
  await app.register(accountScope, { context });
  await app.register(metricsPlugin, { db: storage.db });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Liaison API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          serviceToken: { type: 'http', scheme: 'bearer', description: 'A service token for platform systems (no CSRF token needed)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { db: storage.db });
  await app.register(sessionRoutes, { context });
  await app.register(mailboxRoutes, { db: storage.db });
  await app.register(accountRoutes, { context });
  await app.register(accountsCsvRoutes, { context });
  await app.register(userRoutes, { context });
  await app.register(invitationRoutes, { context });
  await app.register(contactInfoRoutes, { context });
  await app.register(auditLogRoutes, { context });
  await app.register(notificationRoutes, { context });
  await app.register(integrationRoutes, { context });
  await app.register(serviceTokenRoutes, { context });
  await app.register(publicRoutes, { context });
  await app.register(metaRoutes, { context });
  await app.register(webPlugin);
  return app;
}
