import { DomainError } from '../domain/errors';
import { actorOf, SYSTEM, type Principal } from '../domain/principal';
import { escalationTiming } from '../domain/escalation';
import { findAccount } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { dueWindowEnds, findMaintenanceWindow, heldNotifications, markWindowEnded, setHoldStatus, type MaintenanceWindow } from '../storage/maintenance';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { releaseHeldNotification } from './parts/queue-notification';

/**
 * Ends a window, once, in one transaction: what it held is released (delivered now, routed as
 * things stand) or dropped, as the window says. Returns false when it had already ended.
 */
async function endWindow(deps: Deps, principal: Principal, accountId: string, windowId: string, at: string): Promise<boolean> {
  return writeTransaction(deps.storage, async (tx) => {
    const ended = await markWindowEnded(tx, windowId, at);
    if (!ended) return false;
    const account = await findAccount(tx, accountId);
    const held = await heldNotifications(tx, windowId);
    if (ended.at_end === 'release' && account) {
      const context = { catalog: deps.catalog, publicUrl: deps.config.publicUrl, escalation: escalationTiming(deps.config) };
      for (const row of held) await releaseHeldNotification(tx, context, account, row);
    }
    await setHoldStatus(tx, held.map((row) => row.id), ended.at_end === 'release' ? 'released' : 'dropped');
    await recordAudit(tx, {
      accountId,
      actor: actorOf(principal),
      action: 'maintenance.ended',
      changes: [{ field: 'maintenance', before: `${ended.integration}: ${held.length} held`, after: ended.at_end === 'release' ? 'released' : 'dropped' }],
    });
    return true;
  });
}

/** "End now" (admins and operators): the window ends at once, its held notifications released or dropped. 409 when already ended. */
export async function endMaintenanceWindow(deps: Deps, principal: Principal, input: { scope: AccountScope; windowId: string }): Promise<MaintenanceWindow> {
  const accountId = input.scope.account.id;
  const window = /^[A-Za-z0-9_-]{1,64}$/.test(input.windowId) ? await findMaintenanceWindow(deps.storage.db, accountId, input.windowId) : undefined;
  if (!window) throw new DomainError('not_found');
  if (!(await endWindow(deps, principal, accountId, window.id, new Date().toISOString()))) throw new DomainError('conflict');
  return (await findMaintenanceWindow(deps.storage.db, accountId, window.id))!;
}

/** Ends every window whose end is due at `now` (the job loop; tests pass a clock). Returns how many ended. */
export async function endDueMaintenanceWindows(deps: Deps, options: { now?: string } = {}): Promise<number> {
  const now = options.now ?? new Date().toISOString();
  let ended = 0;
  for (;;) {
    const due = await dueWindowEnds(deps.storage.db, now);
    for (const window of due) if (await endWindow(deps, SYSTEM, window.accountId, window.id, now)) ended += 1;
    if (due.length < 50) return ended;
  }
}
