import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { recordSecurity, revokePasswordResets } from '../storage/own-access';
import { deleteSessionsOfUser } from '../storage/sessions';
import { findPasswordHash, findUserById, setPassword } from '../storage/users';
import type { Deps } from './deps';
import { signedInPerson } from './get-profile';
import { describeDevice, queueSecurityNotice, type Client } from './parts/own-access';
import { hashPassword, verifyPassword } from './parts/passwords';

/** Changes the password (the current one required: 401 invalid_credentials); every other session ends, a notice is sent. */
export async function changePassword(deps: Deps, principal: Principal, input: { currentPassword: string; newPassword: string } & Client): Promise<void> {
  const { user, session } = signedInPerson(principal);
  const db = deps.storage.db;
  if (!(await verifyPassword(await findPasswordHash(db, user.id), input.currentPassword))) throw new DomainError('invalid_credentials');
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(deps.storage, async (tx) => {
    const stored = await findUserById(tx, user.id);
    if (!stored) throw new DomainError('unauthenticated');
    await setPassword(tx, user.id, passwordHash);
    await revokePasswordResets(tx, user.id);
    await deleteSessionsOfUser(tx, user.id, session.id);
    await recordSecurity(tx, { userId: user.id, actor: actorOf(principal), action: 'password.changed', device: describeDevice(input.userAgent), address: input.address });
    await queueSecurityNotice(tx, deps, stored, { kind: 'password_changed' });
  });
}
