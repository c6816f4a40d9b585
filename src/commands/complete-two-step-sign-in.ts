import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { countPendingAttempt, deletePendingSignIn, findPendingSignIn, findTwoStep, sha256, useRecoveryCode, useTotpStep } from '../storage/own-access';
import { clearFailures, recordFailures } from '../storage/sign-in-failures';
import { findUserById } from '../storage/users';
import type { Deps } from './deps';
import { hashRecoveryCode, openSession, verifyTotp, type Client } from './parts/own-access';
import { checkLimit, type SignInResult } from './sign-in';

/** Wrong codes allowed per pending sign-in, and per person within the window (new pending sign-ins do not reset it). */
export const CODE_LIMITS = { perPendingSignIn: 5, perUser: 5, windowMs: 15 * 60 * 1000 };

/**
 * The second step of a sign-in: a code from the authenticator app, or one of the recovery codes
 * (each works once). Only a right code opens the session.
 */
export async function completeTwoStepSignIn(
  deps: Deps,
  _principal: Principal,
  input: { pendingToken: string; code?: string; recoveryCode?: string } & Client,
): Promise<SignInResult> {
  const db = deps.storage.db;
  const pending = await findPendingSignIn(db, sha256(input.pendingToken));
  if (!pending || Date.parse(pending.expiresAt) <= Date.now()) {
    if (pending) await deletePendingSignIn(db, pending.id);
    throw new DomainError('sign_in_expired');
  }
  const userKey = `code:${pending.userId}`;
  if (pending.attempts >= CODE_LIMITS.perPendingSignIn) throw new DomainError('rate_limited', [], { seconds: Math.ceil(CODE_LIMITS.windowMs / 1000) });
  await checkLimit(deps, userKey, CODE_LIMITS.perUser, CODE_LIMITS.windowMs);

  const user = await findUserById(db, pending.userId);
  const twoStep = await findTwoStep(db, pending.userId);
  if (!user || !twoStep?.secret) throw new DomainError('sign_in_expired');

  return writeTransaction(deps.storage, async (tx) => {
    let right = false;
    if (input.code !== undefined) {
      // A right code works once: its time step is used up (a replayed code is wrong).
      const step = verifyTotp(twoStep.secret!, input.code);
      right = step !== null && (await useTotpStep(tx, user.id, step));
    }
    else if (input.recoveryCode !== undefined) right = await useRecoveryCode(tx, user.id, hashRecoveryCode(input.recoveryCode));
    if (!right) {
      await countPendingAttempt(tx, pending.id);
      await recordFailures(tx, [userKey], new Date().toISOString());
      return null;
    }
    // Two tabs with the same pending sign-in: only the first opens a session.
    if (!(await deletePendingSignIn(tx, pending.id))) throw new DomainError('sign_in_expired');
    await clearFailures(tx, userKey);
    return openSession(tx, deps, user, input, input.code !== undefined ? 'code' : 'recovery_code');
  }).then((result) => {
    // The failure is counted (committed) before it is reported.
    if (!result) throw new DomainError('invalid_code');
    return result;
  });
}
