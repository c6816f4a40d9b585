import { wrkCase } from '../lib/cases';

/** The process is up: no database, no session. The floor of a Liaison route. */
export const health = wrkCase({
  name: 'health',
  title: 'GET /healthz',
  unit: 'req/s',
  requests: () => [{ method: 'GET', path: '/healthz' }],
});
