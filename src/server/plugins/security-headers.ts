import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The headers helmet sets for `options`, worked out once: helmet with a fixed configuration (no
 * CSP nonces) sets the same headers on every response, yet @fastify/helmet rebuilds its
 * middleware on every request (~13% of the CPU of /healthz). A throwaway Fastify with and
 * without helmet answers one request each; what differs is helmet's.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const answer = async (withHelmet: boolean) => {
    const probe = Fastify({ logger: false });
    if (withHelmet) await probe.register(fastifyHelmet, options);
    probe.get('/', async () => 'ok');
    const response = await probe.inject({ method: 'GET', url: '/' });
    await probe.close();
    return response.headers;
  };
  const [bare, helmeted] = await Promise.all([answer(false), answer(true)]);
  return Object.entries(helmeted).flatMap(([name, value]) =>
    bare[name] === undefined && value !== undefined ? [[name, Array.isArray(value) ? value.join(', ') : String(value)] as [string, string]] : [],
  );
}

/**
 * Sets helmet's headers (computed once at start) and the request id on every response, the 404s
 * and errors too, in one hook at the start of the request (an onSend hook would cost every answer
 * a pass through Fastify's onSend runner).
 */
export default fp(
  async function securityHeaders(app: FastifyInstance, options: FastifyHelmetOptions) {
    const headers = await helmetHeaders(options);
    app.addHook('onRequest', (request, reply, done) => {
      // On the raw response, as helmet does: they survive error answers and static files alike.
      const raw = reply.raw;
      for (const [name, value] of headers) raw.setHeader(name, value);
      raw.setHeader('x-request-id', request.id);
      done();
    });
  },
  { name: 'security-headers' },
);
