import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/locales';
import { actorOf, isPlatform, type Principal } from '../domain/principal';
import { insertAccount } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import { presentAccount, type AccountDetail } from './get-account';
import { grantAccess } from './parts/grant-access';

/** An operator creates a partner account; its first admin is invited in the same transaction. */
export async function createAccount(
  deps: Deps,
  principal: Principal,
  input: { name: string; integrations: string[]; adminEmail: string; locale: Locale },
): Promise<AccountDetail> {
  // Partner users never learn that this exists (the HTTP route is operator-only for the same reason).
  if (!isPlatform(principal)) throw new DomainError('not_found');
  const { catalog } = deps;
  const unknown = input.integrations
    .map((type, index) => ({ type, index }))
    .filter(({ type }) => !catalog.has(type))
    .map(({ index }) => ({ path: `integrations.${index}`, code: 'unknown_integration_type' as const }));
  const duplicates = input.integrations
    .map((type, index) => ({ type, index }))
    .filter(({ type, index }) => input.integrations.indexOf(type) !== index)
    .map(({ index }) => ({ path: `integrations.${index}`, code: 'duplicate' as const }));
  // Every partner integrates somehow: an account without an integration has nothing to launch.
  const none = input.integrations.length === 0 ? [{ path: 'integrations', code: 'required' as const }] : [];
  if (none.length + unknown.length + duplicates.length > 0) throw new DomainError('validation_failed', [...none, ...unknown, ...duplicates]);

  const actor = actorOf(principal);
  const account = await writeTransaction(deps.storage, async (tx) => {
    const created = await insertAccount(tx, { name: input.name, integrations: input.integrations });
    await recordAudit(tx, {
      accountId: created.id,
      actor,
      action: 'account.created',
      changes: [
        { field: 'name', before: null, after: created.name },
        { field: 'integrations', before: null, after: input.integrations },
      ],
    });
    await grantAccess(tx, { account: created, email: input.adminEmail, role: 'admin', locale: input.locale, actor, publicUrl: deps.config.publicUrl });
    return created;
  });
  return presentAccount(deps, account);
}
