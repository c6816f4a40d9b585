import { DomainError } from '../../domain/errors';
import { lockAccount } from '../../storage/accounts';
import type { Db, Dialect } from '../../storage/db';
import { findMember, type Member } from '../../storage/memberships';

/** Loads a member under the account lock; 404 when the user is not in this account. */
export async function lockedMember(tx: Db, dialect: Dialect, accountId: string, userId: string): Promise<Member> {
  await lockAccount(tx, dialect, accountId);
  const member = await findMember(tx, accountId, userId);
  if (!member) throw new DomainError('not_found');
  return member;
}
