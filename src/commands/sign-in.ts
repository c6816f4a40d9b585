import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { findTwoStep, insertPendingSignIn, newSecretToken, sha256 } from '../storage/own-access';
import { clearFailures, countRecentFailures, recordFailures } from '../storage/sign-in-failures';
import { findCredentials, type User } from '../storage/users';
import type { Deps } from './deps';
import { openSession, type Client } from './parts/own-access';
import { verifyPassword } from './parts/passwords';

/** Failed sign-ins allowed per window before 429: few per email (guessing one password), more per address (offices share one). */
export const SIGN_IN_LIMITS = { windowMs: 15 * 60 * 1000, perEmail: 5, perAddress: 20 };

/** How long the second step of a sign-in may take once the password was right. */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60 * 1000;

export type SignInResult = { user: User; token: string; csrfToken: string; expiresAt: string };

/** A complete sign-in (a session), or a right password whose two-step code is still due (no session yet). */
export type SignInOutcome = ({ step: 'done' } & SignInResult) | { step: 'code_required'; user: User; pendingToken: string; expiresAt: string };

/** Throws 429 when `key` failed `limit` times within the window. */
export async function checkLimit(deps: Pick<Deps, 'storage'>, key: string, limit: number, windowMs: number): Promise<void> {
  const now = Date.now();
  const { count, oldest } = await countRecentFailures(deps.storage.db, key, new Date(now - windowMs).toISOString());
  if (count >= limit) {
    const freeAt = Date.parse(oldest!) + windowMs;
    throw new DomainError('rate_limited', [], { seconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) });
  }
}

/**
 * Signs a person in with email and password; failures are counted per email and per address
 * (429 beyond the limits). With two-step sign-in on, a right password only opens a pending
 * sign-in that a code completes (complete-two-step-sign-in.ts).
 */
export async function signIn(
  deps: Deps,
  _principal: Principal,
  input: { email: string; password: string; address: string; userAgent?: string | null },
): Promise<SignInOutcome> {
  const db = deps.storage.db;
  const email = input.email.trim().toLowerCase();
  const keys = { email: `email:${email}`, address: `ip:${input.address}` };
  await checkLimit(deps, keys.email, SIGN_IN_LIMITS.perEmail, SIGN_IN_LIMITS.windowMs);
  await checkLimit(deps, keys.address, SIGN_IN_LIMITS.perAddress, SIGN_IN_LIMITS.windowMs);

  const credentials = await findCredentials(db, email);
  const valid = await verifyPassword(credentials?.passwordHash, input.password);
  if (!credentials || !valid) {
    await recordFailures(db, [keys.email, keys.address], new Date().toISOString());
    throw new DomainError('invalid_credentials');
  }
  await clearFailures(db, keys.email);
  const user = credentials.user;
  const twoStep = await findTwoStep(db, user.id);
  if (twoStep?.secret) {
    const pendingToken = newSecretToken();
    const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_TTL_MS).toISOString();
    await insertPendingSignIn(db, { tokenHash: sha256(pendingToken), userId: user.id, expiresAt });
    return { step: 'code_required', user, pendingToken, expiresAt };
  }
  const client: Client = { userAgent: input.userAgent, address: input.address };
  const session = await writeTransaction(deps.storage, (tx) => openSession(tx, deps, user, client));
  return { step: 'done', ...session };
}
