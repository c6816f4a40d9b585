import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { DomainError } from '../domain/errors';
import type { AppContext } from './context';
import { errorCodesFor, registerErrorHandling } from './errors';
import accountScope from './plugins/account-scope';
import authPlugin from './plugins/auth';
import i18nPlugin from './plugins/i18n';
import metricsPlugin from './plugins/metrics';
import securityHeaders from './plugins/security-headers';
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
import webhookRoutes from './routes/webhooks';
import maintenanceRoutes from './routes/maintenance';
import unsubscribeRoutes from './routes/unsubscribe';
import supportCalendarRoutes from './routes/support-calendar';
import acknowledgementRoutes from './routes/acknowledgements';
import contactConfirmationRoutes from './routes/contact-confirmations';
import escalationRoutes from './routes/operator/escalations';
import { authenticateServiceToken } from '../commands/authenticate-service-token';
import sessionRoutes from './routes/session';
import profileRoutes from './routes/profile';
import userRoutes from './routes/users';
import { serializerCompiler } from './serialization';
import { zodValidatorCompiler } from './validation';

/** The OpenAPI document's introduction (Redoc and Swagger UI show it first). */
const OPENAPI_DESCRIPTION = [
  'Liaison is a partner portal: the companies that integrate with a platform register whom to contact and for what, and Liaison routes the platform\'s notifications to them.',
  '',
  '**Authentication.** People sign in with `POST /api/v1/session` and get a session cookie; unsafe methods then need the session\'s CSRF token in `X-CSRF-Token`. Platform systems send a service token as `Authorization: Bearer lsn_…` (no CSRF token), which can only raise notifications.',
  '',
  '**Errors.** Every 4xx and 5xx answer is `{"error": {"code", "message", "details"?}}`: `code` is a stable enum to branch on, `message` is in the caller\'s language (Accept-Language), `details` lists every problem of a rejected document (`validation_failed`), each with its `path` and a stable `code`.',
  '',
  '**Versions.** The contact information is one versioned document per account: its `ETag` is the version, and a `PUT` with an older `If-Match` is answered 412.',
].join('\n');

const OPENAPI_TAGS = [
  { name: 'session', description: 'Signing in and out, the signed-in person and their language' },
  { name: 'accounts', description: 'Partner accounts and the integration catalog' },
  { name: 'users', description: 'Who has access to an account, with which role; invitations' },
  { name: 'invitations', description: 'Invitation links: what they are for, and accepting them' },
  { name: 'contact information', description: 'The contact information of an account, and whom each notification reaches' },
  { name: 'notifications', description: 'Raising notifications and following their deliveries' },
  { name: 'webhooks', description: 'Signed HTTPS webhook destinations beside the email contacts, and their delivery logs' },
  { name: 'maintenance', description: 'Maintenance windows per integration: alert and technical notifications held, then released or dropped' },
  { name: 'integrations', description: 'Enabling and disabling an account\'s integrations (operators)' },
  { name: 'audit log', description: 'Every change to an account, who made it, and when' },
  { name: 'operator', description: 'The operators\' console: service tokens and the mailbox' },
  { name: 'public', description: 'Public, cacheable answers for end users' },
  { name: 'meta', description: 'Facts about this installation' },
  { name: 'health', description: 'Liveness and readiness' },
];

type OpenApiDocument = { paths?: Record<string, Record<string, { responses?: Record<string, { description?: string }> }>> };

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': 'Success',
  '201': 'Created',
  '202': 'Accepted: written, and sent by the delivery workers',
  '204': 'Done; no body',
};

/**
 * Every answer of the document says what it is: a success by its status, an error by the error
 * codes answered with that status (all in the `{"error": …}` envelope).
 */
function describeResponses(document: OpenApiDocument): OpenApiDocument {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const codes = errorCodesFor(Number(status));
        if (codes.length > 0) {
          response.description = `Error envelope; \`error.code\` is one of: ${codes.map((code) => `\`${code}\``).join(', ')}`;
        } else if (!response.description || response.description === 'Default Response') {
          response.description = SUCCESS_DESCRIPTIONS[status] ?? 'Success';
        }
      }
    }
  }
  return document;
}

/** The brand mark as Swagger UI's logo and favicon. */
const LIAISON_MARK = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18"><rect width="18" height="18" rx="4" fill="#5b8fe0"/><path d="M4 0h10L0 14V4a4 4 0 0 1 4-4z" fill="#1d59b8"/></svg>',
);
const LIAISON_LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 150 28" width="150" height="28"><rect x="1" y="5" width="18" height="18" rx="4" fill="#ffffff"/><text x="28" y="21" font-family="system-ui, sans-serif" font-size="18" font-weight="600" fill="#ffffff">Liaison API</text></svg>',
);

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
  registerErrorHandling(app);

  // helmet's headers, worked out once at start, and the request id, on every answer (plugins/security-headers.ts).
  await app.register(securityHeaders, {
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
  // While shutting down, new requests get our 503 (with `connection: close`, which Fastify sets once
  // it closes); a request already in flight finishes, and Node then ends its connection.
  // Callback hooks (not async ones) on every request: no promise each.
  app.addHook('onRequest', (_request, _reply, done) => {
    done(app.shuttingDown ? new DomainError('service_unavailable') : undefined);
  });
  await app.register(fastifyCookie);
  await app.register(i18nPlugin);
  await app.register(authPlugin, { db: storage.db, secureCookies: config.secureCookies, authenticateToken: (token) => authenticateServiceToken(context, token) });
  await app.register(accountScope, { context });
  await app.register(metricsPlugin, { db: storage.db });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Liaison API',
        version: '1',
        description: OPENAPI_DESCRIPTION,
      },
      tags: OPENAPI_TAGS,
      servers: [{ url: config.publicUrl, description: 'This installation (PUBLIC_URL)' }],
      security: [{ session: [], csrf: [] }, { serviceToken: [] }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'liaison_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
          serviceToken: { type: 'http', scheme: 'bearer', description: 'A service token for platform systems (no CSRF token needed)' },
        },
      },
    },
    // Public routes need no sign-in: their operations say so (the document's default is a session or a token).
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: string } | undefined)?.access;
      return access === 'public' ? { ...result, schema: { ...result.schema, security: [] } } : result;
    },
    transformObject: (documentObject) =>
      'openapiObject' in documentObject ? (describeResponses(documentObject.openapiObject as OpenApiDocument) as typeof documentObject.openapiObject) : documentObject.swaggerObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Liaison's name and mark, not the framework's.
    logo: { type: 'image/svg+xml', content: LIAISON_LOGO, href: '/', target: '_self' },
    theme: {
      title: 'Liaison API',
      favicon: [{ filename: 'favicon.svg', rel: 'icon', sizes: 'any', type: 'image/svg+xml', content: LIAISON_MARK }],
      css: [{ filename: 'liaison.css', content: '.swagger-ui .topbar { background: #1d59b8; } .swagger-ui .topbar a { max-width: 200px; }' }],
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { db: storage.db });
  await app.register(sessionRoutes, { context });
  await app.register(profileRoutes, { context });
  await app.register(mailboxRoutes, { db: storage.db });
  await app.register(accountRoutes, { context });
  await app.register(accountsCsvRoutes, { context });
  await app.register(userRoutes, { context });
  await app.register(invitationRoutes, { context });
  await app.register(contactInfoRoutes, { context });
  await app.register(auditLogRoutes, { context });
  await app.register(notificationRoutes, { context });
  await app.register(webhookRoutes, { context });
  await app.register(maintenanceRoutes, { context });
  await app.register(unsubscribeRoutes, { context });
  await app.register(supportCalendarRoutes, { context });
  await app.register(acknowledgementRoutes, { context });
  await app.register(contactConfirmationRoutes, { context });
  await app.register(escalationRoutes, { context });
  await app.register(integrationRoutes, { context });
  await app.register(serviceTokenRoutes, { context });
  await app.register(publicRoutes, { context });
  await app.register(metaRoutes, { context });
  await app.register(webPlugin);
  return app;
}
