import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import type { Role } from '../domain/roles';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { countAdmins, updateRole, type Member } from '../storage/memberships';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { lockedMember } from './parts/locked-member';

/** Changes a member's role; the last admin cannot stop being one (409 last_admin). */
export async function changeRole(deps: Deps, principal: Principal, input: { scope: AccountScope; userId: string; role: Role }): Promise<Member> {
  const accountId = input.scope.account.id;
  return writeTransaction(deps.storage, async (tx) => {
    const member = await lockedMember(tx, deps.storage.dialect, accountId, input.userId);
    if (member.role === 'admin' && input.role !== 'admin' && (await countAdmins(tx, accountId)) <= 1) throw new DomainError('last_admin');
    if (member.role !== input.role) {
      await updateRole(tx, accountId, input.userId, input.role);
      await recordAudit(tx, {
        accountId,
        actor: actorOf(principal),
        action: 'user.role_changed',
        changes: [
          { field: 'user', before: member.email, after: member.email },
          { field: 'role', before: member.role, after: input.role },
        ],
      });
    }
    return { ...member, role: input.role };
  });
}
