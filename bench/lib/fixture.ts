import { writeFileSync } from 'node:fs';
import { BENCH_PASSWORD, type SeededAccount } from './seed';

export type SignedIn = { index: number; accountId: string; userId: string; cookie: string; csrfToken: string };

/** What the cases load: the seeded accounts and the admins signed in over HTTP. */
export type Fixture = { accounts: SeededAccount[]; signedIn: SignedIn[] };

/** What the baseline server serves from memory: the very bodies Liaison answered. */
export type BaselineData = {
  publicSupportContacts: Record<string, unknown>;
  /** By the session cookie's value. */
  sessions: Record<string, { csrfToken: string; accountId: string; session: unknown; contactInfo: unknown }>;
};

export const SESSION_COOKIE = 'liaison_session';

/** Signs `count` admins in (POST /api/v1/session), spread over the accounts. */
export async function signIn(url: string, accounts: SeededAccount[], count: number): Promise<SignedIn[]> {
  const step = Math.max(1, Math.floor(accounts.length / count));
  const chosen = Array.from({ length: Math.min(count, accounts.length) }, (_, k) => k * step);
  // Two at a time: argon2 is meant to be slow, and the machine has two cores.
  return pool(chosen, 2, async (index) => {
    const account = accounts[index]!;
    return { index, accountId: account.id, userId: account.userId, ...(await signInAs(url, account.email, BENCH_PASSWORD)) };
  });
}

/** Signs one user in over HTTP (POST /api/v1/session): their session cookie's value and CSRF token. */
export async function signInAs(url: string, email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`sign-in of ${email} set no ${SESSION_COOKIE} cookie`);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: cookie.slice(SESSION_COOKIE.length + 1), csrfToken: body.csrfToken };
}

/**
 * Reads from Liaison what the baseline will serve: every account's public support contact, and
 * each signed-in admin's session and contact information. This also checks that all of them answer 200.
 */
export async function captureBaselineData(url: string, fixture: Fixture, file: string): Promise<void> {
  const get = async (path: string, cookie?: string) => {
    const response = await fetch(`${url}${path}`, cookie ? { headers: { cookie: `${SESSION_COOKIE}=${cookie}` } } : {});
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const publicSupportContacts: BaselineData['publicSupportContacts'] = {};
  await pool(fixture.accounts, 8, async (account) => {
    publicSupportContacts[account.id] = await get(`/api/v1/public/accounts/${account.id}/support-contact`);
  });
  const sessions: BaselineData['sessions'] = {};
  for (const s of fixture.signedIn) {
    sessions[s.cookie] = {
      csrfToken: s.csrfToken,
      accountId: s.accountId,
      session: await get('/api/v1/session', s.cookie),
      contactInfo: await get(`/api/v1/accounts/${s.accountId}/contact-info`, s.cookie),
    };
  }
  const data: BaselineData = { publicSupportContacts, sessions };
  writeFileSync(file, JSON.stringify(data));
}

async function pool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
