import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, register as sharedRegistry } from 'prom-client';
import { deliveryStats } from '../../storage/deliveries';
// Registers the worker's counters in the shared registry before it is merged below.
import '../../worker/metrics';
import type { Db } from '../../storage/db';

/**
 * The label of a route: built web assets (`/assets/index-3f9a1c.js`, a route per file whose
 * hashed name changes with every build) are all `/assets/*`, so a deploy adds no new series.
 */
export function staticRoute(url: string): string {
  return url.startsWith('/assets/') ? '/assets/*' : url;
}

/** Prometheus metrics: request counts and latency per route template, plus process defaults. */
export default fp(
  async function metricsPlugin(app: FastifyInstance, options: { db: Db }) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'liaison_http_requests_total',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const latency = new Histogram({
      name: 'liaison_http_request_duration_seconds',
      help: 'HTTP request latency by method and route template',
      labelNames: ['method', 'route'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });

    // The shared queue, read at each scrape.
    const deliveries = new Gauge({ name: 'liaison_deliveries', help: 'Deliveries by status', labelNames: ['status'] as const, registers: [registry] });
    const due = new Gauge({ name: 'liaison_delivery_queue_depth', help: 'Deliveries due now and waiting for a worker', registers: [registry] });
    const oldest = new Gauge({
      name: 'liaison_delivery_oldest_due_age_seconds',
      help: 'How long the oldest due delivery has waited for a worker',
      registers: [registry],
    });
    const readQueue = async () => {
      const stats = await deliveryStats(options.db);
      for (const [status, count] of Object.entries(stats.byStatus)) deliveries.set({ status }, count);
      due.set(stats.due);
      oldest.set(stats.oldestDueAgeSeconds);
    };

    // Each label set's children looked up once (prom-client hashes the labels on every call otherwise).
    const children = new Map<string, { count: ReturnType<typeof requests.labels>; time: ReturnType<typeof latency.labels> }>();
    app.addHook('onResponse', (request, reply, done) => {
      // Route templates, never raw URLs: label cardinality stays bounded.
      // Static files are one route each (their names change with every build): one label for all of them.
      const route = staticRoute(request.routeOptions.url ?? 'unmatched');
      const key = `${request.method} ${reply.statusCode} ${route}`;
      let child = children.get(key);
      if (!child) {
        child = { count: requests.labels(request.method, route, String(reply.statusCode)), time: latency.labels(request.method, route) };
        children.set(key, child);
      }
      child.count.inc();
      child.time.observe(reply.elapsedTime / 1000);
      done();
    });

    // Our own metrics and this process's worker counters (prom-client's shared registry), merged once.
    const exposed = Registry.merge([registry, sharedRegistry]);

    app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      await readQueue().catch((error: unknown) => app.log.warn({ err: error }, 'could not read the delivery queue for /metrics'));
      reply.type(registry.contentType);
      return exposed.metrics();
    });
  },
  { name: 'metrics' },
);
