import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DomainError } from '../../domain/errors';

const webRoot = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** Serves the built React app at `/`; any other GET that wants HTML gets index.html (client-side routes). */
export default fp(
  async function webPlugin(app: FastifyInstance) {
    if (!existsSync(`${webRoot}index.html`)) {
      app.log.warn('dist/web is missing: run `npm run build:web` to serve the web app');
      return;
    }
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Hashed assets never change; index.html must always be revalidated.
      setHeaders(res, path) {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0]!;
      const wantsHtml = (request.headers.accept ?? '').includes('text/html');
      if (path.startsWith('/api/') || !wantsHtml) throw new DomainError('not_found');
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
