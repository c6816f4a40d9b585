import { DomainError, type ErrorDetail } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { insertMaintenanceWindow, type MaintenanceWindow } from '../storage/maintenance';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';

/** The longest window: a forgotten one must not hold alerts for ever. */
export const MAX_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Schedules a maintenance window of one of the account's integrations (admins and operators).
 * While it is on, new alert and technical notifications of that integration are held; at its
 * end they are released or dropped (`atEnd`). The end must be after the start and in the future,
 * at most 7 days after the start.
 */
export async function createMaintenanceWindow(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; integration: string; startsAt: string; endsAt: string; reason: string; atEnd: 'release' | 'drop' },
): Promise<MaintenanceWindow> {
  const account = input.scope.account;
  const details: ErrorDetail[] = [];
  if (!account.integrations.some((i) => i.type === input.integration)) details.push({ path: 'integration', code: 'unknown_integration_type' });
  const start = Date.parse(input.startsAt);
  const end = Date.parse(input.endsAt);
  if (!(end > start) || end - start > MAX_WINDOW_MS) details.push({ path: 'endsAt', code: 'invalid_window' });
  else if (end <= Date.now()) details.push({ path: 'endsAt', code: 'invalid_value' });
  if (details.length > 0) throw new DomainError('validation_failed', details);
  const actor = actorOf(principal);
  return writeTransaction(deps.storage, async (tx) => {
    const window = await insertMaintenanceWindow(tx, { accountId: account.id, ...input, createdBy: actor.name });
    await recordAudit(tx, {
      accountId: account.id,
      actor,
      action: 'maintenance.scheduled',
      changes: [{ field: 'maintenance', before: null, after: `${input.integration} ${window.startsAt} – ${window.endsAt} (${input.atEnd})` }],
    });
    return window;
  });
}
