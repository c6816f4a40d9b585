import { wrkCase } from '../lib/cases';

/** The hot public read: a random one of all seeded accounts per request, no session. */
export const publicSupportContact = wrkCase({
  name: 'public-support-contact',
  title: 'GET /api/v1/public/accounts/{id}/support-contact (random of all accounts)',
  unit: 'req/s',
  requests: (fixture) => fixture.accounts.map((a) => ({ method: 'GET', path: `/api/v1/public/accounts/${a.id}/support-contact` })),
});
