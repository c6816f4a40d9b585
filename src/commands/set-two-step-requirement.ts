import { DomainError } from '../domain/errors';
import { actorOf, isPlatform, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { findTwoStep, getSetting, putSetting } from '../storage/own-access';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';

const OPERATORS_KEY = 'require_two_step_operators';

/** Whether every operator must use two-step sign-in (operators only). */
export async function getOperatorTwoStepRequirement(deps: Pick<Deps, 'storage'>, principal: Principal) {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  return { required: (await getSetting(deps.storage.db, OPERATORS_KEY)) === 'true' };
}

/**
 * Whoever turns a requirement on uses two-step sign-in already: the requirement takes effect on
 * every request at once, and would otherwise shut its author out of everything but enrolment.
 */
async function requireOwnTwoStep(deps: Pick<Deps, 'storage'>, principal: Principal, required: boolean) {
  if (!required || principal.kind !== 'user') return;
  if (!(await findTwoStep(deps.storage.db, principal.user.id))?.secret) throw new DomainError('two_step_setup_first');
}

/** Requires two-step sign-in of every operator, or stops requiring it; those without it can do nothing but enrol. */
export async function setOperatorTwoStepRequirement(deps: Pick<Deps, 'storage'>, principal: Principal, input: { required: boolean }) {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  await requireOwnTwoStep(deps, principal, input.required);
  await putSetting(deps.storage.db, OPERATORS_KEY, String(input.required));
  return { required: input.required };
}

/** Whether the account's users must use two-step sign-in (admins; `users.manage`). */
export async function setAccountTwoStepRequirement(deps: Pick<Deps, 'storage'>, principal: Principal, input: { scope: AccountScope; required: boolean }) {
  const accountId = input.scope.account.id;
  // An operator who is not a member is not bound by it.
  if (input.scope.role !== null) await requireOwnTwoStep(deps, principal, input.required);
  await writeTransaction(deps.storage, async (tx) => {
    const row = await tx.selectFrom('accounts').select('require_two_step').where('id', '=', accountId).executeTakeFirstOrThrow();
    const before = row.require_two_step === 1;
    if (before === input.required) return;
    await tx.updateTable('accounts').set({ require_two_step: input.required ? 1 : 0 }).where('id', '=', accountId).execute();
    await recordAudit(tx, { accountId, actor: actorOf(principal), action: 'account.two_step_required', changes: [{ field: 'requireTwoStep', before, after: input.required }] });
  });
  return { required: input.required };
}

export async function getAccountTwoStepRequirement(deps: Pick<Deps, 'storage'>, _principal: Principal, input: { scope: AccountScope }) {
  const row = await deps.storage.db.selectFrom('accounts').select('require_two_step').where('id', '=', input.scope.account.id).executeTakeFirstOrThrow();
  return { required: row.require_two_step === 1 };
}
