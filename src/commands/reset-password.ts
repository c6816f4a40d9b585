import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { findPasswordReset, markPasswordResetUsed, recordSecurity, revokePasswordResets, sha256 } from '../storage/own-access';
import { deleteSessionsOfUser } from '../storage/sessions';
import { findUserById, setPassword } from '../storage/users';
import type { Deps } from './deps';
import { describeDevice, queueSecurityNotice, type Client } from './parts/own-access';
import { hashPassword } from './parts/passwords';

/**
 * Sets a new password with a reset link: the link is used up, and every session of the person
 * ends (whoever knew the old password is out). Unknown, used and expired links are all 410.
 */
export async function resetPassword(deps: Deps, _principal: Principal, input: { token: string; password: string } & Client): Promise<void> {
  const reset = await findPasswordReset(deps.storage.db, sha256(input.token));
  if (!reset || reset.usedAt !== null || Date.parse(reset.expiresAt) <= Date.now()) throw new DomainError('reset_link_invalid');
  const passwordHash = await hashPassword(input.password);
  await writeTransaction(deps.storage, async (tx) => {
    if (!(await markPasswordResetUsed(tx, reset.id))) throw new DomainError('reset_link_invalid');
    const user = await findUserById(tx, reset.userId);
    if (!user) throw new DomainError('reset_link_invalid');
    await setPassword(tx, user.id, passwordHash);
    await revokePasswordResets(tx, user.id);
    await deleteSessionsOfUser(tx, user.id);
    await recordSecurity(tx, {
      userId: user.id,
      actor: actorOf({ kind: 'user', user }),
      action: 'password.reset',
      device: describeDevice(input.userAgent),
      address: input.address,
    });
    await queueSecurityNotice(tx, deps, user, { kind: 'password_changed' });
  });
}
