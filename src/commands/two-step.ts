import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { disableTotp, enableTotp, findTwoStep, recordSecurity, replaceRecoveryCodes, setPendingTotpSecret } from '../storage/own-access';
import { recordFailures } from '../storage/sign-in-failures';
import { findPasswordHash, findUserById } from '../storage/users';
import type { Deps } from './deps';
import { signedInPerson } from './get-profile';
import { CODE_LIMITS } from './complete-two-step-sign-in';
import { describeDevice, hashRecoveryCode, newRecoveryCodes, newTotpSecret, qrDataUrl, queueSecurityNotice, totpUri, verifyTotp, type Client } from './parts/own-access';
import { verifyPassword } from './parts/passwords';
import { checkLimit } from './sign-in';

/**
 * Two-step sign-in with an authenticator app, for the signed-in person: start (a new secret with
 * its QR code), confirm with a code (then ten recovery codes, shown once), turn off (password).
 */

/** Starts (or restarts) enrolment: a fresh secret, kept aside until a code from it confirms it. */
export async function startTwoStepEnrolment(deps: Pick<Deps, 'storage'>, principal: Principal) {
  const { user } = signedInPerson(principal);
  const current = await findTwoStep(deps.storage.db, user.id);
  if (current?.secret) throw new DomainError('conflict');
  const secret = newTotpSecret();
  await setPendingTotpSecret(deps.storage.db, user.id, secret);
  const uri = totpUri(secret, user.email);
  return { secret, otpauthUri: uri, qrCode: await qrDataUrl(uri) };
}

/** Confirms enrolment with a code from the app: two-step sign-in is on, and the recovery codes are returned once. */
export async function confirmTwoStep(deps: Deps, principal: Principal, input: { code: string } & Client) {
  const { user } = signedInPerson(principal);
  const key = `code:${user.id}`;
  await checkLimit(deps, key, CODE_LIMITS.perUser, CODE_LIMITS.windowMs);
  const current = await findTwoStep(deps.storage.db, user.id);
  if (current?.secret) throw new DomainError('conflict');
  if (!current?.pendingSecret) throw new DomainError('conflict');
  const step = verifyTotp(current.pendingSecret, input.code);
  if (step === null) {
    await recordFailures(deps.storage.db, [key], new Date().toISOString());
    throw new DomainError('invalid_code');
  }
  const recoveryCodes = newRecoveryCodes();
  await writeTransaction(deps.storage, async (tx) => {
    const stored = await findUserById(tx, user.id);
    if (!stored) throw new DomainError('unauthenticated');
    await enableTotp(tx, user.id, current.pendingSecret!, step);
    await replaceRecoveryCodes(tx, user.id, recoveryCodes.map(hashRecoveryCode));
    await recordSecurity(tx, { userId: user.id, actor: actorOf(principal), action: 'two_step.enabled', device: describeDevice(input.userAgent), address: input.address });
    await queueSecurityNotice(tx, deps, stored, { kind: 'two_step_on' });
  });
  return { recoveryCodes };
}

/** Turns two-step sign-in off (the password required: 401 invalid_credentials); the recovery codes go with it. */
export async function turnOffTwoStep(deps: Deps, principal: Principal, input: { password: string } & Client): Promise<void> {
  const { user } = signedInPerson(principal);
  if (!(await verifyPassword(await findPasswordHash(deps.storage.db, user.id), input.password))) throw new DomainError('invalid_credentials');
  await writeTransaction(deps.storage, async (tx) => {
    const stored = await findUserById(tx, user.id);
    const current = await findTwoStep(tx, user.id);
    if (!stored || !current?.secret) throw new DomainError('conflict');
    await disableTotp(tx, user.id);
    await recordSecurity(tx, { userId: user.id, actor: actorOf(principal), action: 'two_step.disabled', device: describeDevice(input.userAgent), address: input.address });
    await queueSecurityNotice(tx, deps, stored, { kind: 'two_step_off' });
  });
}
