import type { FastifyInstance } from 'fastify';
import { isReachable, type Db } from '../../../storage/db';

export default async function healthRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const hidden = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/healthz', hidden, async () => ({ status: 'ok' }));
  app.get('/readyz', hidden, async (_request, reply) => {
    const ready = await isReachable(db);
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
  });
}
