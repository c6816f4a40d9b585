import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { decide, type Permission, type Role } from '../domain/roles';
import { findAccountWithRole, type Account } from '../storage/accounts';
import type { AccountInSession } from '../storage/sessions';
import type { Deps } from './deps';

/** Proof that a principal may act on an account with a permission; the account use cases take one. */
export type AccountScope = { account: Account; role: Role | null };

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Authorization for account resources, in one place (the HTTP plugin and the CLI both come here):
 * outsiders and unknown accounts 404, members without the permission 403, then the onboarding
 * gate: partner users of an account whose contact information is incomplete get 403
 * contact_info_required unless `gate` is false.
 */
export async function openAccountScope(
  deps: Deps,
  principal: Principal,
  input: { accountId: string; permission: Permission; gate?: boolean; inSession?: AccountInSession },
): Promise<AccountScope> {
  const db = deps.storage.db;
  // A malformed id cannot name an account: 404 without asking the database. The account, its
  // integrations and the caller's role come in one read, or came with the session's (`inSession`).
  const userId = principal.kind === 'user' && !principal.user.isOperator ? principal.user.id : null;
  const found =
    input.inSession !== undefined
      ? input.inSession && { account: input.inSession.account, role: userId === null ? null : input.inSession.role }
      : ID.test(input.accountId)
        ? await findAccountWithRole(db, input.accountId, userId)
        : undefined;
  if (!found) throw new DomainError('not_found');
  const { account, role } = found;
  const decision = decide(principal, role, input.permission, account.id);
  if (decision !== 'allow') throw new DomainError(decision);
  if (input.gate !== false && principal.kind === 'user' && !isPlatform(principal) && !account.contactInfoComplete) {
    throw new DomainError('contact_info_required');
  }
  return { account, role };
}
