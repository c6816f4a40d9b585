import { wrkCase } from '../lib/cases';
import { SESSION_COOKIE } from '../lib/fixture';
import { contactDocument } from '../lib/seed';

/** The signed-in cases pick one of the signed-in admins at random per request. */

export const session = wrkCase({
  name: 'session',
  title: 'GET /api/v1/session (cookie)',
  unit: 'req/s',
  requests: (fixture) => fixture.signedIn.map((s) => ({ method: 'GET', path: '/api/v1/session', headers: { Cookie: `${SESSION_COOKIE}=${s.cookie}` } })),
});

export const contactInfoRead = wrkCase({
  name: 'contact-info-read',
  title: 'GET /api/v1/accounts/{id}/contact-info (cookie, own account)',
  unit: 'req/s',
  requests: (fixture) =>
    fixture.signedIn.map((s) => ({ method: 'GET', path: `/api/v1/accounts/${s.accountId}/contact-info`, headers: { Cookie: `${SESSION_COOKIE}=${s.cookie}` } })),
});

/** Every write changes one address ({{n}} differs per request), so each is a real new version with its audit entry. */
export const contactInfoWrite = wrkCase({
  name: 'contact-info-write',
  title: 'PUT /api/v1/accounts/{id}/contact-info (cookie + X-CSRF-Token, whole document)',
  unit: 'writes/s',
  requests: (fixture) =>
    fixture.signedIn.map((s) => ({
      method: 'PUT',
      path: `/api/v1/accounts/${s.accountId}/contact-info`,
      body: JSON.stringify(contactDocument(s.index, s.userId, '{{n}}')),
      headers: { Cookie: `${SESSION_COOKIE}=${s.cookie}`, 'X-CSRF-Token': s.csrfToken, 'Content-Type': 'application/json' },
    })),
});
