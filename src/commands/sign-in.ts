import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { createSession } from '../storage/sessions';
import { clearFailures, countRecentFailures, recordFailures } from '../storage/sign-in-failures';
import { findCredentials, type User } from '../storage/users';
import type { Deps } from './deps';
import { verifyPassword } from './parts/passwords';

/** Failed sign-ins allowed per window before 429: few per email (guessing one password), more per address (offices share one). */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60 * 1000, perEmail: 5, perAddress: 20 };

export type SignInResult = { user: User; token: string; csrfToken: string; expiresAt: string };

/** Signs a person in with email and password; failures are counted per email and per address (429 beyond the limits). */
export async function signIn(deps: Deps, _principal: Principal, input: { email: string; password: string; address: string }): Promise<SignInResult> {
  const db = deps.storage.db;
  const email = input.email.trim().toLowerCase();
  const keys = { email: `email:${email}`, address: `ip:${input.address}` };
  const now = Date.now();
  const since = new Date(now - SIGN_IN_LIMITS.windowMs).toISOString();

  for (const [key, limit] of [
    [keys.email, SIGN_IN_LIMITS.perEmail],
    [keys.address, SIGN_IN_LIMITS.perAddress],
  ] as const) {
    const { count, oldest } = await countRecentFailures(db, key, since);
    if (count >= limit) {
      const freeAt = Date.parse(oldest!) + SIGN_IN_LIMITS.windowMs;
      throw new DomainError('rate_limited', [], { seconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) });
    }
  }

  const credentials = await findCredentials(db, email);
  const valid = await verifyPassword(credentials?.passwordHash, input.password);
  if (!credentials || !valid) {
    await recordFailures(db, [keys.email, keys.address], new Date(now).toISOString());
    throw new DomainError('invalid_credentials');
  }
  await clearFailures(db, keys.email);
  const { token, session } = await createSession(db, credentials.user.id);
  return { user: credentials.user, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}
