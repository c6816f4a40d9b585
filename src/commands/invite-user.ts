import type { Locale } from '../domain/locales';
import { actorOf, type Principal } from '../domain/principal';
import type { Role } from '../domain/roles';
import { lockAccount } from '../storage/accounts';
import { writeTransaction } from '../storage/db';
import type { Member } from '../storage/memberships';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { grantAccess } from './parts/grant-access';

/** An admin (or operator) gives a person access: 409 already_member when they have it. */
export async function inviteUser(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; email: string; role: Role; name?: string; locale: Locale },
): Promise<Member> {
  const { storage } = deps;
  return writeTransaction(storage, async (tx) => {
    // Under the account lock, two admins adding the same person cannot both succeed.
    await lockAccount(tx, storage.dialect, input.scope.account.id);
    return grantAccess(tx, {
      account: input.scope.account,
      email: input.email,
      role: input.role,
      name: input.name,
      locale: input.locale,
      actor: actorOf(principal),
      publicUrl: deps.config.publicUrl,
    });
  });
}
