import { changedFields, missingFields, validateContactInfo } from '../domain/contact-info';
import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { lockAccount } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { setAccountComplete, writeContactInfo } from '../storage/contact-info';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import { afterContactInfoSaved } from './parts/contact-health';
import type { AccountScope } from './open-account-scope';
import { loadContactInfo, membersOf, presentContactInfo, readableChanges, type ContactInfoView } from './parts/contact-info-document';

export type Environment = 'production' | 'sandbox';

/**
 * Saves a whole document: checks the version (412 version_conflict), validates every field at
 * once (400 validation_failed), writes the next version, keeps the account's completeness flag,
 * records the per-field changes in the audit log, and queues confirmation emails for new
 * addresses (and notices of changed key contacts), all in one transaction.
 * `expectedVersion`: the version the client saw; `*` (HTTP's If-Match: *) means "only if one exists"; undefined skips the check.
 */
export async function saveContactInfo(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; env: Environment; document: unknown; expectedVersion?: number | '*' },
): Promise<ContactInfoView> {
  const { storage, catalog } = deps;
  const account = input.scope.account;
  const actor = actorOf(principal);
  return writeTransaction(storage, async (tx) => {
    await lockAccount(tx, storage.dialect, account.id);
    const { stored, info: current, merchant } = await loadContactInfo(tx, catalog, account);
    const currentVersion = stored?.version ?? 0;
    const expected = input.expectedVersion;
    if (expected !== undefined && (expected === '*' ? currentVersion === 0 : expected !== currentVersion)) {
      throw new DomainError('version_conflict');
    }
    const members = await membersOf(tx, account.id);
    const result = validateContactInfo(input.document, {
      memberIds: new Set(members.keys()),
      hasMerchantIssueContacts: merchant,
      env: input.env,
      current: stored ? current : null,
    });
    if (!result.ok) throw new DomainError('validation_failed', result.details);

    const changes = changedFields(current, result.value);
    if (stored && changes.length === 0) return presentContactInfo(tx, catalog, account);
    const { written } = await writeContactInfo(tx, { accountId: account.id, expectedVersion: currentVersion, info: result.value, updatedBy: actor.id });
    if (!written) throw new DomainError('version_conflict');
    await storage.signalOnCommit(tx, 'contact-info', account.id);
    const complete = missingFields(result.value, merchant).length === 0;
    await setAccountComplete(tx, account.id, complete);
    await afterContactInfoSaved(tx, deps.config, { account, before: stored ? current : null, after: result.value, actor, complete });
    await recordAudit(tx, { accountId: account.id, actor, action: 'contact_info.updated', changes: readableChanges(changes, members) });
    return presentContactInfo(tx, catalog, account);
  });
}
